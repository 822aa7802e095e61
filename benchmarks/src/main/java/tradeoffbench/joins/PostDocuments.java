package tradeoffbench.joins;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

/**
 * A post as one document, the shape both the PostgreSQL JSONB layout and the MongoDB embedded layout store:
 * {@code {_id|id, title, authorId, authorName, comments: [{id, authorId, authorName, body}]}}.
 */
final class PostDocuments {
    private PostDocuments() {
    }

    /** The JSONB text of a post (generated values hold no quote or backslash; both are escaped anyway). */
    static String json(PostView post) {
        StringBuilder out = new StringBuilder(128 + post.comments().size() * 120);
        out.append("{\"id\":").append(post.postId()).append(",\"title\":");
        string(out, post.title());
        out.append(",\"authorId\":").append(post.authorId()).append(",\"authorName\":");
        string(out, post.authorName());
        out.append(",\"comments\":[");
        boolean first = true;
        for (PostView.Comment c : post.comments()) {
            out.append(first ? "" : ",").append("{\"id\":").append(c.commentId()).append(",\"authorId\":")
                    .append(c.authorId()).append(",\"authorName\":");
            string(out, c.authorName());
            out.append(",\"body\":");
            string(out, c.body());
            out.append('}');
            first = false;
        }
        return out.append("]}").toString();
    }

    /** The MongoDB embedded document of a post ({@code _id} = post id). */
    static Document document(PostView post) {
        List<Document> comments = new ArrayList<>(post.comments().size());
        for (PostView.Comment c : post.comments()) {
            comments.add(comment(c));
        }
        return new Document("_id", post.postId()).append("title", post.title()).append("authorId", post.authorId())
                .append("authorName", post.authorName()).append("comments", comments);
    }

    static Document comment(PostView.Comment c) {
        return new Document("id", c.commentId()).append("authorId", c.authorId())
                .append("authorName", c.authorName()).append("body", c.body());
    }

    /** Reads either shape back (JSONB text parsed to a Document, or a MongoDB document). */
    static PostView view(Document d) {
        Object id = d.containsKey("_id") ? d.get("_id") : d.get("id");
        List<PostView.Comment> comments = new ArrayList<>();
        for (Document c : d.getList("comments", Document.class)) {
            comments.add(new PostView.Comment(number(c.get("id")), number(c.get("authorId")),
                    c.getString("authorName"), c.getString("body")));
        }
        return new PostView(number(id), d.getString("title"), number(d.get("authorId")), d.getString("authorName"),
                comments);
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
