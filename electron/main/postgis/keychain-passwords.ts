import { readFile } from 'node:fs/promises';
import type { PasswordStore } from './team-database';

/** The part of Electron's safeStorage used here (the OS keychain: DPAPI, Keychain, libsecret/kwallet). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Team-database passwords encrypted by the OS keychain, kept in one file of the user's app data (only the
 * encrypted bytes: the file alone does not give a password away). Without a keychain nothing is kept, and the user
 * types the password at each connection.
 */
export class KeychainPasswords implements PasswordStore {
  constructor(
    private readonly file: string,
    private readonly safeStorage: SafeStorageLike,
    private readonly writeAtomic: (path: string, data: string) => Promise<void>,
  ) {}

  private async entries(): Promise<Record<string, string>> {
    try {
      const parsed = JSON.parse(await readFile(this.file, 'utf8')) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  }

  async get(key: string) {
    const encrypted = (await this.entries())[key];
    if (!encrypted || !this.safeStorage.isEncryptionAvailable()) return null;
    try {
      return this.safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
    } catch {
      return null;
    }
  }

  async set(key: string, password: string) {
    if (!this.safeStorage.isEncryptionAvailable()) return false;
    const entries = await this.entries();
    entries[key] = this.safeStorage.encryptString(password).toString('base64');
    await this.writeAtomic(this.file, JSON.stringify(entries));
    return true;
  }

  async forget(key: string) {
    const entries = await this.entries();
    if (!(key in entries)) return;
    delete entries[key];
    await this.writeAtomic(this.file, JSON.stringify(entries));
  }
}

/** Passwords for the browser build's bridge: held in the web server's memory only, gone when it stops. */
export class MemoryPasswords implements PasswordStore {
  private readonly kept = new Map<string, string>();
  async get(key: string) {
    return this.kept.get(key) ?? null;
  }
  async set(key: string, password: string) {
    this.kept.set(key, password);
    return true;
  }
  async forget(key: string) {
    this.kept.delete(key);
  }
}
