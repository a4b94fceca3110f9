import type {
  AllStreamResolvedEvent,
  AppendResult as KurrentAppendResult,
  AppendToStreamOptions,
  EventData,
  ReadAllOptions as KurrentReadAllOptions,
  ReadStreamOptions as KurrentReadStreamOptions,
  ResolvedEvent,
  SubscribeToAllOptions as KurrentSubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';

/**
 * A live catch-up subscription as the client hands it out: events as they
 * arrive, and a way to cancel. Checkpoint and caught-up notices are not part
 * of it on purpose: the adapter keeps its own resume position.
 */
export interface KurrentDbSubscriptionHandle extends AsyncIterable<AllStreamResolvedEvent> {
  unsubscribe(): Promise<void>;
}

/**
 * The part of KurrentDBClient the adapter relies on. Narrow so that the real
 * client satisfies it structurally and a test fake can implement all of it.
 */
export interface KurrentDbClientApi {
  appendToStream(stream: string, events: EventData[], options?: AppendToStreamOptions): Promise<KurrentAppendResult>;
  readStream(stream: string, options?: KurrentReadStreamOptions): AsyncIterable<ResolvedEvent>;
  readAll(options?: KurrentReadAllOptions): AsyncIterable<AllStreamResolvedEvent>;
  subscribeToAll(options?: KurrentSubscribeToAllOptions): KurrentDbSubscriptionHandle;
  dispose(): Promise<void>;
}
