package tradeoffbench.joins;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The two MongoDB layouts of a dataset and every query and update on them, by name. Collections are thread-safe,
 * so one store serves all benchmark threads.
 *
 * <p>Normalized: {@code <name>_users {_id, name}}, {@code <name>_posts {_id, authorId, title, body}},
 * {@code <name>_comments {_id, postId, authorId, body}}, read with {@code $lookup}. Embedded:
 * {@code <name>_e_users {_id, name}} and {@code <name>_e_posts}, one document per post with its comments
 * (see {@link PostDocuments}).
 *
 * <p>No multi-document transaction is used: a rename in the embedded layout updates the user first and the copies
 * after, so a reader may briefly see both names — part of the bill denormalization sends.
 */
final class MongoJoinsStore {
    final MongoCollection<Document> users;
    final MongoCollection<Document> posts;
    final MongoCollection<Document> comments;
    final MongoCollection<Document> embeddedUsers;
    final MongoCollection<Document> embeddedPosts;
    private final JoinsModel model;

    MongoJoinsStore(MongoDatabase database, JoinsModel model) {
        this.model = model;
        users = database.getCollection(model.name() + "_users");
        posts = database.getCollection(model.name() + "_posts");
        comments = database.getCollection(model.name() + "_comments");
        embeddedUsers = database.getCollection(model.name() + "_e_users");
        embeddedPosts = database.getCollection(model.name() + "_e_posts");
    }

    /**
     * The post and its author, its comments, and each comment's author: one aggregation, one result document per
     * comment (as the SQL join returns one row per comment), sorted by comment id. Every {@code $lookup} is an
     * equality on an indexed field. (The single-document form, {@code localField: "comments.authorId"} on the
     * array, is not supported by the test fake; this form is also what a $group-less application writes.)
     */
    List<Bson> postLookupPipeline(long postId) {
        String usersName = users.getNamespace().getCollectionName();
        return List.of(
                new Document("$match", new Document("_id", postId)),
                new Document("$lookup", new Document("from", usersName)
                        .append("localField", "authorId").append("foreignField", "_id").append("as", "author")),
                new Document("$lookup", new Document("from", comments.getNamespace().getCollectionName())
                        .append("localField", "_id").append("foreignField", "postId").append("as", "comments")),
                new Document("$unwind", new Document("path", "$comments").append("preserveNullAndEmptyArrays", true)),
                new Document("$lookup", new Document("from", usersName)
                        .append("localField", "comments.authorId").append("foreignField", "_id")
                        .append("as", "commenter")),
                new Document("$sort", new Document("comments._id", 1)));
    }

    PostView post(Layout layout, long postId) {
        return switch (layout) {
            case MONGO_NORMALIZED -> postLookup(postId);
            case MONGO_EMBEDDED -> postEmbedded(postId);
            default -> throw new IllegalArgumentException(layout + " is not a MongoDB layout");
        };
    }

    PostView postLookup(long postId) {
        String title = null;
        long author = 0;
        String authorName = null;
        List<PostView.Comment> list = new ArrayList<>();
        for (Document d : posts.aggregate(postLookupPipeline(postId))) {
            if (title == null) {
                title = d.getString("title");
                author = PostDocuments.number(d.get("authorId"));
                authorName = onlyName(d.getList("author", Document.class));
            }
            Document c = d.get("comments", Document.class);
            if (c != null) {
                list.add(new PostView.Comment(PostDocuments.number(c.get("_id")),
                        PostDocuments.number(c.get("authorId")), onlyName(d.getList("commenter", Document.class)),
                        c.getString("body")));
            }
        }
        return title == null ? null : new PostView(postId, title, author, authorName, list);
    }

    private static String onlyName(List<Document> users) {
        return users == null || users.size() != 1 ? null : users.get(0).getString("name");
    }

    PostView postEmbedded(long postId) {
        Document d = embeddedPosts.find(Filters.eq("_id", postId)).first();
        return d == null ? null : PostDocuments.view(d);
    }

    /**
     * Returns the documents changed, summed over the updates: 1 when normalized; when embedded 1 (the user) + the
     * posts the user wrote + the posts holding the user's comments.
     */
    int rename(Layout layout, long userId, String name) {
        return switch (layout) {
            case MONGO_NORMALIZED -> renameNormalized(userId, name);
            case MONGO_EMBEDDED -> renameEmbedded(userId, name);
            default -> throw new IllegalArgumentException(layout + " is not a MongoDB layout");
        };
    }

    int renameNormalized(long userId, String name) {
        return (int) users.updateOne(Filters.eq("_id", userId), Updates.set("name", name)).getModifiedCount();
    }

    int renameEmbedded(long userId, String name) {
        long changed = embeddedUsers.updateOne(Filters.eq("_id", userId), Updates.set("name", name))
                .getModifiedCount();
        changed += embeddedPosts.updateMany(Filters.eq("authorId", userId), Updates.set("authorName", name))
                .getModifiedCount();
        changed += embeddedPosts.updateMany(Filters.eq("comments.authorId", userId),
                Updates.set("comments.$[c].authorName", name),
                new UpdateOptions().arrayFilters(List.of(Filters.eq("c.authorId", userId)))).getModifiedCount();
        return (int) changed;
    }

    int addComment(Layout layout, long commentId, long postId, long authorId, String body) {
        return switch (layout) {
            case MONGO_NORMALIZED -> {
                comments.insertOne(new Document("_id", commentId).append("postId", postId)
                        .append("authorId", authorId).append("body", body));
                yield 1;
            }
            case MONGO_EMBEDDED -> {
                // No join on write either: the author's name is read, then copied into the post's document.
                Document author = embeddedUsers.find(Filters.eq("_id", authorId)).first();
                if (author == null) {
                    yield 0;
                }
                Document comment = PostDocuments.comment(
                        new PostView.Comment(commentId, authorId, author.getString("name"), body));
                yield (int) embeddedPosts.updateOne(Filters.eq("_id", postId), Updates.push("comments", comment))
                        .getModifiedCount();
            }
            default -> throw new IllegalArgumentException(layout + " is not a MongoDB layout");
        };
    }

    /** Removes every comment added after the generated ones; returns the documents changed. */
    long removeAddedComments(Layout layout) {
        long generated = model.comments();
        return switch (layout) {
            case MONGO_NORMALIZED -> comments.deleteMany(Filters.gt("_id", generated)).getDeletedCount();
            case MONGO_EMBEDDED -> embeddedPosts.updateMany(Filters.gt("comments.id", generated),
                    Updates.pullByFilter(new Document("comments", new Document("id", new Document("$gt", generated)))))
                    .getModifiedCount();
            default -> throw new IllegalArgumentException(layout + " is not a MongoDB layout");
        };
    }
}
