'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
exports.HandleFailed = exports.ProcessManagerRunner = void 0;
const event_store_1 = require('../../../event-store/src');
class ProcessManagerRunner {
  store;
  checkpoints;
  manager;
  options;
  subscription = null;
  done = null;
  state = 'starting';
  tracker = new event_store_1.PositionTracker();
  error = null;
  stopping = false;
  constructor(store, checkpoints, manager, options = {}) {
    this.store = store;
    this.checkpoints = checkpoints;
    this.manager = manager;
    this.options = options;
  }
  start() {
    if (this.done) return;
    this.tracker = new event_store_1.PositionTracker(this.checkpoints.load(this.manager.name));
    this.state = 'catchingUp';
    this.subscription = this.store.subscribeToAll({ fromPosition: this.tracker.position ?? undefined });
    this.done = this.consume(this.subscription).catch((error) => this.fail(error));
  }
  async stop() {
    this.stopping = true;
    await this.subscription?.close();
    await this.done;
    if (this.state !== 'failed') this.state = 'stopped';
  }
  status() {
    return { name: this.manager.name, state: this.state, position: this.tracker.position, error: this.error };
  }
  caughtUp() {
    return this.tracker.caughtUp();
  }
  /** Resolves once every event up to `position` has been handled. */
  waitForPosition(position) {
    return this.tracker.waitFor(position);
  }
  async consume(subscription) {
    for await (const message of subscription) {
      if (message.kind === 'caughtUp') {
        this.state = 'live';
        this.tracker.markCaughtUp();
        continue;
      }
      await this.handleWithRetry(message.event);
      if (this.stopping) return;
      this.checkpoints.save(this.manager.name, message.event.position);
      this.tracker.advance(message.event.position);
    }
  }
  async handleWithRetry(event) {
    const maxAttempts = this.options.maxAttempts ?? 8;
    let delay = this.options.retryDelayMs ?? 250;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.manager.handle(event);
      } catch (error) {
        if (!(error instanceof event_store_1.StoreUnavailable) || attempt >= maxAttempts || this.stopping) {
          throw new HandleFailed(this.manager.name, event, error);
        }
        this.options.logger?.warn(`${this.manager.name}: store unavailable, retrying in ${delay} ms`, {
          position: event.position,
        });
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay *= 2;
      }
    }
  }
  fail(error) {
    this.state = 'failed';
    this.error = error instanceof Error ? error.message : String(error);
    this.options.logger?.error(`Process manager ${this.manager.name} stopped: ${this.error}`, {
      position: this.tracker.position,
    });
    this.tracker.fail(new Error(this.error));
    void this.subscription?.close();
  }
}
exports.ProcessManagerRunner = ProcessManagerRunner;
class HandleFailed extends Error {
  constructor(manager, event, cause) {
    super(
      `${manager} cannot handle ${event.type} at position ${event.position} (stream ${event.stream}): ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'HandleFailed';
  }
}
exports.HandleFailed = HandleFailed;
//# sourceMappingURL=process-manager-runner.js.map
