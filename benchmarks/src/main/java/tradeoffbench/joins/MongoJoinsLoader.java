package tradeoffbench.joins;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import tradeoffbench.dataset.Progress;

/**
 * Loads one dataset into the two MongoDB layouts with unordered {@code insertMany} batches, records it in the
 * {@code tb_datasets} collection (as {@link tradeoffbench.dataset.MongoUsers} does) so an identical dataset is
 * reused, and every time undoes what an interrupted write benchmark may have left.
 */
public final class MongoJoinsLoader {
    static final String META = "tb_datasets";
    static final int BATCH = 1_000;
    /** Generated names never end like this; the rename benchmarks' names do ({@link JoinsModel#renamedName}). */
    static final Pattern RENAMED = Pattern.compile(" \\(renamed [0-9.]+\\)$");

    private MongoJoinsLoader() {
    }

    public static boolean ensure(MongoDatabase database, JoinsModel model) {
        MongoJoinsStore store = new MongoJoinsStore(database, model);
        MongoCollection<Document> meta = database.getCollection(META);
        Document recorded = meta.find(Filters.eq("_id", model.name())).first();
        boolean loaded = false;
        if (recorded == null || !model.fingerprintValue().equals(recorded.getString("fingerprint"))
                || store.embeddedPosts.countDocuments() != model.posts()
                || store.users.countDocuments() != model.users()) {
            meta.deleteOne(Filters.eq("_id", model.name()));
            load(store, model);
            meta.replaceOne(Filters.eq("_id", model.name()),
                    new Document("_id", model.name()).append("fingerprint", model.fingerprintValue())
                            .append("rows", model.comments()),
                    new ReplaceOptions().upsert(true));
            loaded = true;
        }
        restore(store, model);
        return loaded;
    }

    static void restore(MongoJoinsStore store, JoinsModel model) {
        store.removeAddedComments(Layout.MONGO_NORMALIZED);
        store.removeAddedComments(Layout.MONGO_EMBEDDED);
        for (var entry : List.of(
                java.util.Map.entry(Layout.MONGO_NORMALIZED, store.users),
                java.util.Map.entry(Layout.MONGO_EMBEDDED, store.embeddedUsers))) {
            for (Document u : entry.getValue().find(Filters.regex("name", RENAMED))) {
                long id = PostDocuments.number(u.get("_id"));
                store.rename(entry.getKey(), id, model.userName(id));
            }
        }
    }

    private static void load(MongoJoinsStore store, JoinsModel model) {
        for (MongoCollection<Document> c : List.of(store.users, store.posts, store.comments, store.embeddedUsers,
                store.embeddedPosts)) {
            c.drop();
        }
        Progress progress = new Progress(model.name() + " (MongoDB layouts)",
                model.users() * 2L + model.posts() * 2L + model.comments());
        Batches users = new Batches(store.users, progress);
        Batches embeddedUsers = new Batches(store.embeddedUsers, progress);
        for (long u = 1; u <= model.users(); u++) {
            users.add(new Document("_id", u).append("handle", model.userHandle(u)).append("name", model.userName(u)));
            embeddedUsers.add(new Document("_id", u).append("name", model.userName(u)));
        }
        Batches posts = new Batches(store.posts, progress);
        Batches embeddedPosts = new Batches(store.embeddedPosts, progress);
        for (long p = 1; p <= model.posts(); p++) {
            posts.add(new Document("_id", p).append("authorId", model.postAuthor(p))
                    .append("title", JoinsModel.postTitle(p)).append("body", JoinsModel.postBody(p)));
            embeddedPosts.add(PostDocuments.document(model.expectedPost(p)));
        }
        Batches comments = new Batches(store.comments, progress);
        for (long c = 1; c <= model.comments(); c++) {
            comments.add(new Document("_id", c).append("postId", model.commentPost(c))
                    .append("authorId", model.commentAuthor(c)).append("body", JoinsModel.commentBody(c)));
        }
        for (Batches b : List.of(users, embeddedUsers, posts, embeddedPosts, comments)) {
            b.flush();
        }
        store.posts.createIndex(Indexes.ascending("authorId"));
        store.comments.createIndex(Indexes.ascending("postId"));
        store.comments.createIndex(Indexes.ascending("authorId"));
        store.embeddedPosts.createIndex(Indexes.ascending("authorId"));
        store.embeddedPosts.createIndex(Indexes.ascending("comments.authorId"));
        progress.finish();
    }

    private static final class Batches {
        private final MongoCollection<Document> collection;
        private final Progress progress;
        private List<Document> batch = new ArrayList<>(BATCH);

        Batches(MongoCollection<Document> collection, Progress progress) {
            this.collection = collection;
            this.progress = progress;
        }

        void add(Document d) {
            batch.add(d);
            if (batch.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                collection.insertMany(batch, new InsertManyOptions().ordered(false));
                progress.advance(batch.size());
                batch = new ArrayList<>(BATCH);
            }
        }
    }
}
