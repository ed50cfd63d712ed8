/**
 * Server-mode users in a JSON file (`[{ "name", "role", "passwordHash", "agency"? }]`, an editor with its agency), read on each sign-in so an added user
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
  const bad = (u: User) =>
    typeof u.name !== 'string' || !ROLES.includes(u.role) || !u.passwordHash?.startsWith('scrypt$') || (u.role === 'editor') !== (typeof u.agency === 'string' && u.agency !== '');
  if (!Array.isArray(users) || users.some(bad)) {
    throw new Error(`用户文件格式不对 (bad users file): ${path}`);
  }
  return users;
}

export function fileUsers(path: string): UserDirectory {
  return {
    find: async (name) => (await readUsers(path)).find((u) => u.name === name),
    list: async () => (await readUsers(path)).map(({ name, role, agency }) => ({ name, role, agency })),
  };
}

/**
 * Adds a user or replaces one of the same name (a new password or role); the file is readable by its owner only.
 * An editor needs its agency; the other roles take none.
 */
export async function addUser(path: string, name: string, role: Role, password: string, agency?: string): Promise<void> {
  if ((role === 'editor') !== Boolean(agency)) throw new Error('an editor, and only an editor, is bound to an agency');
  const users = (await readUsers(path)).filter((u) => u.name !== name);
  users.push({ name, role, passwordHash: await hashPassword(password), ...(agency && { agency }) });
  await writeFile(path, `${JSON.stringify(users, null, 2)}\n`, { mode: 0o600 });
}
