/**
 * Who may do what: four roles in order (viewer < editor < reviewer < admin; an editor is bound to one agency and
 * writes only that agency's ledger), passwords hashed with scrypt, sessions held in
 * memory and named by a random token in an httpOnly SameSite=Strict cookie, each with its own CSRF token.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

export const ROLES = ['viewer', 'editor', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
/** What a route requires: a role, or nothing (sign-in page, static files). */
export type Access = Role | 'public';

export const ROLE_ZH: Record<Role, string> = { viewer: '查看', editor: '机关台账编辑', reviewer: '审核', admin: '管理' };

export function allows(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

export interface User {
  name: string;
  role: Role;
  /** `scrypt$<salt hex>$<key hex>`. */
  passwordHash: string;
  /** An editor's one agency: the only ledger they may read or write. */
  agency?: string;
}

/** Where users are found; server mode reads them from a JSON file (see users.ts). */
export interface UserDirectory {
  find(name: string): Promise<User | undefined>;
  list(): Promise<Omit<User, 'passwordHash'>[]>;
}

const KEY_BYTES = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_BYTES);
  return `scrypt$${salt.toString('hex')}$${key.toString('hex')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, saltHex, keyHex] = stored.split('$');
  if (kind !== 'scrypt' || !saltHex || !keyHex) return false;
  const expected = Buffer.from(keyHex, 'hex');
  const key = await scrypt(password, Buffer.from(saltHex, 'hex'), expected.length);
  return timingSafeEqual(key, expected);
}

/** A password check that costs the same when the user does not exist, so timing does not tell names apart. */
const DUMMY_HASH = `scrypt$${'00'.repeat(16)}$${'00'.repeat(KEY_BYTES)}`;

export async function authenticate(users: UserDirectory, name: string, password: string): Promise<User | undefined> {
  const user = await users.find(name);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  return ok && user ? user : undefined;
}

export interface Session {
  user: string;
  role: Role;
  /** An editor's agency (see User). */
  agency?: string;
  csrf: string;
  expires: number;
}

const token = () => randomBytes(32).toString('base64url');

/** Sessions in memory: a restart signs everyone out, which is acceptable for a review tool. */
export class SessionStore {
  readonly #sessions = new Map<string, Session>();
  constructor(private readonly ttlMs: number) {}

  create(user: string, role: Role, agency?: string): { id: string; session: Session } {
    const id = token();
    const session = { user, role, agency, csrf: token(), expires: Date.now() + this.ttlMs };
    this.#sessions.set(id, session);
    return { id, session };
  }

  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const session = this.#sessions.get(id);
    if (session && session.expires < Date.now()) this.#sessions.delete(id);
    return session && session.expires >= Date.now() ? session : undefined;
  }

  delete(id: string | undefined): void {
    if (id) this.#sessions.delete(id);
  }
}

/** Constant-time comparison of a submitted CSRF token with the session's. */
export function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
