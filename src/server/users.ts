/**
 * Server-mode users in a JSON file (`[{ "name", "role", "passwordHash" }]`), read on each sign-in so an added user
 * needs no restart. Only scrypt hashes are stored; `addUser` writes one.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { hashPassword, ROLES, type Role, type User, type UserDirectory } from './auth.ts';

async function readUsers(path: string): Promise<User[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const users = JSON.parse(text) as User[];
  if (!Array.isArray(users) || users.some((u) => typeof u.name !== 'string' || !ROLES.includes(u.role) || !u.passwordHash?.startsWith('scrypt$'))) {
    throw new Error(`用户文件格式不对 (bad users file): ${path}`);
  }
  return users;
}

export function fileUsers(path: string): UserDirectory {
  return {
    find: async (name) => (await readUsers(path)).find((u) => u.name === name),
    list: async () => (await readUsers(path)).map(({ name, role }) => ({ name, role })),
  };
}

/** Adds a user or replaces one of the same name (a new password or role); the file is readable by its owner only. */
export async function addUser(path: string, name: string, role: Role, password: string): Promise<void> {
  const users = (await readUsers(path)).filter((u) => u.name !== name);
  users.push({ name, role, passwordHash: await hashPassword(password) });
  await writeFile(path, `${JSON.stringify(users, null, 2)}\n`, { mode: 0o600 });
}
