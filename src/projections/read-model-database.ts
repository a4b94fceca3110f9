import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import type { ReadModelSchema } from './projector.js';

const CHECKPOINT_SCHEMA = `
CREATE TABLE IF NOT EXISTS projection_checkpoints (
  name     TEXT PRIMARY KEY,
  position INTEGER NOT NULL
) STRICT;`;

/**
 * The layout of the read models this version writes. Bump it when tables
 * change so that rows already written cannot answer the new queries (a new
 * table, a column with a new meaning): a file of another layout is removed
 * when opened, and the read models are projected again from the log.
 * 2: assessment_public_versions (what readers see).
 * 3: assessment_scores also holds each resolved assessment's line as published ('published').
 */
export const READ_MODEL_LAYOUT = 3;

/** What `prepareRows` gives: the reading half of a statement, rows as objects. */
export interface RowReader<P extends unknown[], R> {
  all(...params: P): R[];
  get(...params: P): R | undefined;
}

/**
 * A function making `{ name0: values[0], … }` from a row's values: one object
 * literal of fixed shape, which V8 builds far faster than properties added
 * one by one. Column names come from the project's own SQL, quoted as JSON.
 */
function rowObjectBuilder(names: readonly string[]): (values: unknown[]) => unknown {
  const fields = names.map((name, i) => `${JSON.stringify(name)}: values[${i}]`).join(', ');
  return new Function('values', `return { ${fields} };`) as (values: unknown[]) => unknown;
}

export class OtherReadModelLayoutError extends Error {
  constructor(
    readonly path: string,
    readonly layout: number,
  ) {
    super(
      `${path} holds read models of layout ${layout}; this version writes layout ${READ_MODEL_LAYOUT}. Start the service (it projects them again) or run \`npm run projections:rebuild\`, with no older version running on this data directory.`,
    );
    this.name = 'OtherReadModelLayoutError';
  }
}

export interface ReadModelDatabaseOptions {
  /**
   * A file being rebuilt: no secondary indexes until `createIndexes()`, and
   * no journal or fsync, since a crash mid-rebuild only means starting over.
   */
  readonly bulkLoad?: boolean;
  /**
   * A file of another layout is removed (true), or refused with
   * OtherReadModelLayoutError (false, the default). Only the process holding
   * the data directory may remove it: a tool run beside a service of an older
   * version would pull its file from under it.
   */
  readonly replaceOtherLayout?: boolean;
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
  private readonly rowReaders = new Map<string, RowReader<unknown[], unknown>>();
  private readonly schemas: ReadModelSchema[] = [];
  /** Bumped on every swap so holders of derived state can notice. */
  generation = 0;

  /**
   * True while a rebuild loads this file: projectors leave derived indexes to
   * `createIndexes()`, which ends the bulk load, so the tail a rebuild applies
   * after it (events written meanwhile) is indexed row by row like live ones.
   */
  get bulkLoad(): boolean {
    return this.loading;
  }

  private loading: boolean;

  /** The layout of the file found at open when it was another one (and so was removed), else null. */
  readonly replacedLayout: number | null;

  constructor(
    readonly path: string,
    options: ReadModelDatabaseOptions = {},
  ) {
    this.loading = options.bulkLoad === true;
    this.replacedLayout = ReadModelDatabase.removeIfOtherLayout(path, options.replaceOtherLayout ?? false);
    this.connection = ReadModelDatabase.open(path, this.loading);
  }

  /** Removes the file if it holds read models of another layout; answers that layout (0 before layouts were numbered). */
  private static removeIfOtherLayout(path: string, allowed: boolean): number | null {
    if (!existsSync(path)) return null;
    const db = new Database(path);
    let layout: number | null = null;
    try {
      const found = db.pragma('user_version', { simple: true }) as number;
      const holdsReadModels = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'projection_checkpoints'").get() !== undefined;
      if (holdsReadModels && found !== READ_MODEL_LAYOUT) layout = found;
    } finally {
      db.close();
    }
    if (layout === null) return null;
    if (!allowed) throw new OtherReadModelLayoutError(path, layout);
    ReadModelDatabase.remove(path);
    return layout;
  }

  private static open(path: string, bulkLoad = false): Database.Database {
    const db = new Database(path);
    if (db.pragma('user_version', { simple: true }) !== READ_MODEL_LAYOUT) db.pragma(`user_version = ${READ_MODEL_LAYOUT}`);
    db.pragma(bulkLoad ? 'journal_mode = OFF' : 'journal_mode = WAL');
    db.pragma(bulkLoad ? 'synchronous = OFF' : 'synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -131072');
    db.pragma('temp_store = MEMORY');
    // Lets CREATE INDEX sort with a helper thread (used when a rebuild indexes its fresh file).
    db.pragma('threads = 2');
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

  /**
   * Like `prepare`, for statements whose rows are read whole and often: the
   * rows come back from SQLite as arrays and are made into objects by a
   * function built once for the statement's columns. better-sqlite3's own
   * row objects cost about half a microsecond a column, which for a page of
   * 20 list rows of 31 columns was more than the queries that found them.
   */
  prepareRows<P extends unknown[] = unknown[], R = unknown>(sql: string): RowReader<P, R> {
    let reader = this.rowReaders.get(sql);
    if (!reader) {
      // A statement of its own: raw mode is a property of the statement, and `prepare` shares its statements.
      const statement = this.connection.prepare<unknown[], unknown[]>(sql).raw(true);
      const toObject = rowObjectBuilder(statement.columns().map((column) => column.name));
      reader = {
        all: (...params: unknown[]) => statement.all(...params).map(toObject),
        get: (...params: unknown[]) => {
          const values = statement.get(...params);
          return values === undefined ? undefined : toObject(values);
        },
      };
      this.rowReaders.set(sql, reader);
    }
    return reader as RowReader<P, R>;
  }

  applySchema(schema: ReadModelSchema): void {
    if (!this.schemas.includes(schema)) this.schemas.push(schema);
    this.connection.exec(schema.tables);
    if (!this.bulkLoad) this.connection.exec(schema.indexes);
  }

  /** Ends a bulk load: derived indexes filled from the rows, then the B-tree indexes sorted in, then statistics. */
  createIndexes(): void {
    for (const schema of this.schemas) {
      if (this.loading && schema.afterBulkLoad) this.connection.exec(schema.afterBulkLoad);
      this.connection.exec(schema.indexes);
    }
    this.loading = false;
    this.connection.exec('ANALYZE');
  }

  /**
   * Refreshes the query planner's statistics where they went stale, cheaply
   * (SQLite's own advice for long-lived connections). Without them the
   * planner may scan every current row for a filtered list.
   */
  optimize(): void {
    this.connection.exec('PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;');
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
    this.rowReaders.clear();
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

  /** Closes a bulk-loaded file and forces it to disk, so it can be renamed into place safely. */
  closeForMove(): void {
    this.close();
    const fd = openSync(this.path, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  close(): void {
    this.statements.clear();
    this.rowReaders.clear();
    if (this.connection.open) this.connection.close();
  }

  static remove(path: string): void {
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      if (existsSync(path + suffix)) rmSync(path + suffix, { force: true });
    }
  }
}
