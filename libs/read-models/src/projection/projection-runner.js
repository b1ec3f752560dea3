"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApplyFailed = exports.ProjectionRunner = void 0;
const event_store_1 = require("../../../event-store/src");
const generations_1 = require("./generations");
const projection_1 = require("./projection");
const silent = { info: () => undefined, error: () => undefined };
/**
 * Feeds one projection from its own checkpoint. Events are applied in batches, each batch in
 * one SQL transaction together with the checkpoint, so after a crash the rows and the
 * checkpoint agree and the next start resumes exactly after the last committed event.
 * A batch is committed when it is full, when the subscription catches up, or as soon as no
 * further event is immediately available — so live events are visible at once. An event that
 * cannot be applied rolls its batch back and stops the projection (state `failed`), loudly.
 */
class ProjectionRunner {
    store;
    db;
    projection;
    options;
    subscription = null;
    generation = null;
    state = 'starting';
    tracker = new event_store_1.PositionTracker();
    pending = [];
    error = null;
    done = null;
    constructor(store, db, projection, options = {}) {
        this.store = store;
        this.db = db;
        this.projection = projection;
        this.options = options;
    }
    /** Starts feeding in the background; `stop()` ends it. */
    start() {
        if (this.done)
            return;
        const generation = (0, generations_1.generationToFeed)(this.db, this.projection, this.options.fresh);
        this.generation = generation;
        this.tracker = new event_store_1.PositionTracker(generation.position);
        this.projection.createTables(this.db, (0, projection_1.tablesOf)(this.projection, generation.generation));
        this.state = 'catchingUp';
        this.subscription = this.store.subscribeToAll({ fromPosition: generation.position ?? undefined });
        this.done = this.consume(this.subscription).catch((error) => this.fail(error));
    }
    async stop() {
        await this.subscription?.close();
        await this.done;
        if (this.state !== 'failed')
            this.state = 'stopped';
    }
    status() {
        return {
            name: this.projection.name,
            version: this.projection.version,
            generation: this.generation?.generation ?? 0,
            state: this.state,
            position: this.tracker.position,
            pending: this.pending.length,
            error: this.error,
        };
    }
    /** Resolves once everything up to `position` is applied: read-your-writes for a command handler. */
    waitForPosition(position) {
        return this.tracker.waitFor(position);
    }
    /** Resolves when the subscription has caught up with the store once (and the batch is committed). */
    caughtUp() {
        return this.tracker.caughtUp();
    }
    async consume(subscription) {
        const iterator = subscription[Symbol.asyncIterator]();
        const batchSize = this.options.batchSize ?? 1000;
        let next = iterator.next();
        for (;;) {
            // If no message is ready right now, commit what we have before waiting.
            const ready = this.pending.length === 0 ? await next : await Promise.race([next, nextTick()]);
            if (ready === TICK) {
                this.commit();
                continue;
            }
            const result = ready;
            if (result.done)
                break;
            next = iterator.next();
            const message = result.value;
            if (message.kind === 'caughtUp') {
                this.commit();
                this.onCaughtUp();
                continue;
            }
            this.pending.push(message.event);
            if (this.pending.length >= batchSize)
                this.commit();
        }
        this.commit();
    }
    commit() {
        const generation = this.generation;
        const batch = this.pending;
        const last = batch[batch.length - 1];
        if (!generation || !last)
            return;
        const tables = (0, projection_1.tablesOf)(this.projection, generation.generation);
        this.db.transaction(() => {
            for (const event of batch) {
                try {
                    this.projection.apply(this.db, event, tables);
                }
                catch (cause) {
                    throw new ApplyFailed(this.projection.name, event, cause);
                }
            }
            (0, generations_1.saveCheckpoint)(this.db, generation, last.position);
        })();
        this.pending = [];
        this.tracker.advance(last.position);
        this.options.onCommitted?.(this.status(), batch.length);
    }
    onCaughtUp() {
        const generation = this.generation;
        if (generation && generation.state !== 'live') {
            (0, generations_1.promoteGeneration)(this.db, this.projection, generation);
            this.generation = { ...generation, state: 'live' };
            this.options.logger?.info(`Projection ${this.projection.name} generation ${generation.generation} is live.`);
        }
        this.state = 'live';
        this.tracker.markCaughtUp();
    }
    fail(error) {
        this.state = 'failed';
        this.pending = [];
        this.error = error instanceof Error ? error.message : String(error);
        (this.options.logger ?? silent).error(`Projection ${this.projection.name} stopped: ${this.error}`, {
            projection: this.projection.name,
            position: this.tracker.position,
        });
        this.tracker.fail(new Error(this.error));
        void this.subscription?.close();
    }
}
exports.ProjectionRunner = ProjectionRunner;
const TICK = Symbol('tick');
const nextTick = () => new Promise((resolve) => setImmediate(() => resolve(TICK)));
class ApplyFailed extends Error {
    constructor(projection, event, cause) {
        super(`cannot apply ${event.type} at position ${event.position} (stream ${event.stream}, revision ${event.revision}): ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
        this.name = 'ApplyFailed';
    }
}
exports.ApplyFailed = ApplyFailed;
//# sourceMappingURL=projection-runner.js.map