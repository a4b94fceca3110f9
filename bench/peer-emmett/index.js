// Re-exported from here so that Emmett resolves its own dependencies (uuid 10) from this folder.
export * from '@event-driven-io/emmett-sqlite';
