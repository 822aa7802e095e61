package tradeoffbench.dataset;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

/**
 * The users dataset in MongoDB: one collection per size, loaded by unordered {@code insertMany} batches, recorded
 * in the {@code tb_datasets} collection with its fingerprint so an identical dataset is reused.
 */
public final class MongoUsers {
    static final String META = "tb_datasets";
    static final int BATCH = 1_000;

    private MongoUsers() {
    }

    /** Loads the dataset unless an identical one is there already. Returns true when it loaded. */
    public static boolean ensure(MongoDatabase database, DatasetFingerprint fingerprint, String targetLabel) {
        MongoCollection<Document> meta = database.getCollection(META);
        MongoCollection<Document> users = database.getCollection(fingerprint.name());
        Document recorded = meta.find(Filters.eq("_id", fingerprint.name())).first();
        if (recorded != null && fingerprint.value().equals(recorded.getString("fingerprint"))
                && users.countDocuments() == fingerprint.size()) {
            return false;
        }
        meta.deleteOne(Filters.eq("_id", fingerprint.name()));
        users.drop();
        UserGenerator generator = new UserGenerator(fingerprint.seed());
        Progress progress = new Progress(fingerprint.name() + " into " + targetLabel, fingerprint.size());
        List<Document> batch = new ArrayList<>(BATCH);
        InsertManyOptions unordered = new InsertManyOptions().ordered(false);
        for (long id = 1; id <= fingerprint.size(); id++) {
            batch.add(toDocument(generator.user(id)));
            if (batch.size() == BATCH) {
                users.insertMany(batch, unordered);
                progress.advance(batch.size());
                batch = new ArrayList<>(BATCH);
            }
        }
        if (!batch.isEmpty()) {
            users.insertMany(batch, unordered);
            progress.advance(batch.size());
        }
        users.createIndex(Indexes.ascending("handle"), new IndexOptions().unique(true));
        meta.replaceOne(Filters.eq("_id", fingerprint.name()),
                new Document("_id", fingerprint.name()).append("fingerprint", fingerprint.value())
                        .append("rows", fingerprint.size()),
                new ReplaceOptions().upsert(true));
        progress.finish();
        return true;
    }

    public static Document toDocument(User u) {
        return new Document("_id", u.id()).append("handle", u.handle()).append("email", u.email())
                .append("name", u.name()).append("country", u.country()).append("signupDay", u.signupDay());
    }

    public static User fromDocument(Document d) {
        return new User(((Number) d.get("_id")).longValue(), d.getString("handle"), d.getString("email"),
                d.getString("name"), d.getString("country"), ((Number) d.get("signupDay")).intValue());
    }
}
