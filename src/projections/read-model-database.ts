import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import type { ReadModelSchema } from './projector.js';

const CHECKPOINT_SCHEMA = `
CREATE TABLE IF NOT EXISTS projection_checkpoints (
  name     TEXT PRIMARY KEY,
  position INTEGER NOT NULL
) STRICT;`;

export interface ReadModelDatabaseOptions {
  /** Build secondary indexes at open (normal use) or leave them for later (bulk rebuild). */
  readonly withIndexes?: boolean;
}

/**
 * The SQLite file holding every read model and the projection checkpoint.
 * Read models can always be rebuilt from the log, so commits use
 * synchronous=NORMAL: WAL still keeps each batch atomic with its checkpoint,
 * and a lost tail after power loss is simply projected again.
 */
export class ReadModelDatabase {
  private connection: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly schemas: ReadModelSchema[] = [];
  /** Bumped on every swap so holders of derived state can notice. */
  generation = 0;

  constructor(
    readonly path: string,
    private readonly options: ReadModelDatabaseOptions = {},
  ) {
    this.connection = ReadModelDatabase.open(path);
  }

  private static open(path: string): Database.Database {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -131072');
    db.pragma('temp_store = MEMORY');
    db.exec(CHECKPOINT_SCHEMA);
    return db;
  }

  get db(): Database.Database {
    return this.connection;
  }

  /** Prepared once per connection and reused: queries and projections call this on every use. */
  prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): Database.Statement<P, R> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.connection.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement as Database.Statement<P, R>;
  }

  applySchema(schema: ReadModelSchema): void {
    if (!this.schemas.includes(schema)) this.schemas.push(schema);
    this.connection.exec(schema.tables);
    if (this.options.withIndexes !== false) this.connection.exec(schema.indexes);
  }

  createIndexes(): void {
    for (const schema of this.schemas) this.connection.exec(schema.indexes);
  }

  readCheckpoint(name: string): bigint {
    const row = this.prepare<[string], { position: bigint }>('SELECT position FROM projection_checkpoints WHERE name = ?')
      .safeIntegers(true)
      .get(name);
    return row ? BigInt(row.position) : 0n;
  }

  writeCheckpoint(name: string, position: bigint): void {
    this.prepare('INSERT INTO projection_checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position').run(
      name,
      position,
    );
  }

  /**
   * Replaces this database with a fully built one. The rename is atomic, and
   * JavaScript runs no query in between, so readers see either the old read
   * models or the new ones, never a mix.
   */
  swapIn(builtPath: string): void {
    this.statements.clear();
    this.connection.close();
    for (const suffix of ['-wal', '-shm']) rmSync(this.path + suffix, { force: true });
    renameSync(builtPath, this.path);
    this.connection = ReadModelDatabase.open(this.path);
    for (const schema of this.schemas) {
      this.connection.exec(schema.tables);
      this.connection.exec(schema.indexes);
    }
    this.generation += 1;
  }

  /** Flushes the WAL into the main file and closes: the file can then be moved alone. */
  closeForMove(): void {
    this.connection.pragma('wal_checkpoint(TRUNCATE)');
    this.close();
  }

  close(): void {
    this.statements.clear();
    if (this.connection.open) this.connection.close();
  }

  static remove(path: string): void {
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      if (existsSync(path + suffix)) rmSync(path + suffix, { force: true });
    }
  }
}
