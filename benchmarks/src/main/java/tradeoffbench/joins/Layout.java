package tradeoffbench.joins;

import tradeoffbench.targets.Engine;

/** The five ways the one logical model is stored. */
public enum Layout {
    /** PostgreSQL, foreign keys and indexes; names live only in {@code users}. */
    NORMALIZED(Engine.POSTGRESQL),
    /** PostgreSQL, author names copied into post, comment and feed rows. */
    DENORMALIZED(Engine.POSTGRESQL),
    /** PostgreSQL, one JSONB document per post with its comments (and author names) embedded. */
    JSONB(Engine.POSTGRESQL),
    /** MongoDB users, posts and comments collections, read with {@code $lookup}. */
    MONGO_NORMALIZED(Engine.MONGODB),
    /** MongoDB, one document per post with its comments (and author names) embedded. */
    MONGO_EMBEDDED(Engine.MONGODB);

    private final Engine engine;

    Layout(Engine engine) {
        this.engine = engine;
    }

    public Engine engine() {
        return engine;
    }
}
