package tradeoffbench.joins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tradeoffbench.targets.Endpoint;
import tradeoffbench.targets.mongo.MongoIdentity;
import tradeoffbench.testing.TestTargets;

/**
 * The five layouts at tiny scale: three on a real embedded PostgreSQL, two on the in-memory MongoDB fake (code
 * paths only). They answer identically, show a rename everywhere, and return an added comment.
 */
class JoinsLayoutsTest {
    static final JoinsModel MODEL = JoinsModel.of(40, 5);
    static final List<Layout> POSTGRES = List.of(Layout.NORMALIZED, Layout.DENORMALIZED, Layout.JSONB);
    static final List<Layout> MONGO = List.of(Layout.MONGO_NORMALIZED, Layout.MONGO_EMBEDDED);

    static Endpoint endpoint;
    static PostgresJoinsStore postgres;
    static MongoClient client;
    static MongoJoinsStore mongo;

    @BeforeAll
    static void load() throws Exception {
        endpoint = TestTargets.postgres();
        try (Connection c = endpoint.connect()) {
            PostgresJoinsLoader.ensure(c, MODEL);
        }
        postgres = PostgresJoinsStore.open(endpoint.connect(), MODEL);
        client = MongoIdentity.open(TestTargets.mongoFakeUrl());
        var database = client.getDatabase(JoinsFixture.MONGO_DATABASE);
        MongoJoinsLoader.ensure(database, MODEL);
        mongo = new MongoJoinsStore(database, MODEL);
    }

    @AfterAll
    static void close() throws Exception {
        postgres.close();
        client.close();
    }

    private static PostView read(Layout layout, long postId) throws Exception {
        return layout.engine() == tradeoffbench.targets.Engine.POSTGRESQL ? postgres.post(layout, postId)
                : mongo.post(layout, postId);
    }

    private static int rename(Layout layout, long user, String name) throws Exception {
        return layout.engine() == tradeoffbench.targets.Engine.POSTGRESQL ? postgres.rename(layout, user, name)
                : mongo.rename(layout, user, name);
    }

    @Test
    void allLayoutsGiveTheModelsAnswerForEveryPost() throws Exception {
        for (long p = 1; p <= MODEL.posts(); p++) {
            Map<Layout, PostView> answers = new EnumMap<>(Layout.class);
            for (Layout layout : Layout.values()) {
                answers.put(layout, read(layout, p));
            }
            AnswerCheck.sameAcrossLayouts(p, answers);
            assertThat(answers.get(Layout.NORMALIZED)).isEqualTo(MODEL.expectedPost(p));
        }
    }

    @Test
    void bothFeedsGiveTheModelsPage() throws Exception {
        for (long u = 1; u <= MODEL.backgroundUsers(); u++) {
            List<FeedItem> expected = MODEL.expectedFeed(u);
            assertThat(expected).isNotEmpty();
            assertThat(postgres.feedJoined(u)).as("joined feed of user %d", u).isEqualTo(expected);
            assertThat(postgres.feedDenormalized(u)).as("denormalized feed of user %d", u).isEqualTo(expected);
        }
    }

    @Test
    void afterARenameEveryLayoutShowsTheNewNameEverywhere() throws Exception {
        long user = MODEL.usersWithCopies(10)[0];
        String renamed = MODEL.renamedName(user, 0, 1);
        Map<Long, String> names = Map.of(user, renamed);
        try {
            for (Layout layout : Layout.values()) {
                assertThat(rename(layout, user, renamed)).as(layout.name())
                        .isEqualTo(RenameWriteBenchmark.expectedChanges(MODEL, layout, user));
            }
            for (long p : MODEL.documentsMentioning(user)) {
                for (Layout layout : Layout.values()) {
                    assertThat(read(layout, p)).as("%s post %d", layout, p).isEqualTo(MODEL.expectedPost(p, names));
                }
            }
        } finally {
            for (Layout layout : Layout.values()) {
                rename(layout, user, MODEL.userName(user));
            }
        }
        for (long p : MODEL.documentsMentioning(user)) {
            for (Layout layout : Layout.values()) {
                assertThat(read(layout, p)).isEqualTo(MODEL.expectedPost(p));
            }
        }
    }

    @Test
    void afterAddingACommentEveryLayoutReturnsIt() throws Exception {
        long post = 17;
        long author = 3;
        long id = MODEL.comments() + 1;
        PostView.Comment added = new PostView.Comment(id, author, MODEL.userName(author), "hello from the test");
        try {
            for (Layout layout : POSTGRES) {
                assertThat(postgres.addComment(layout, id, post, author, added.body())).isEqualTo(1);
            }
            for (Layout layout : MONGO) {
                assertThat(mongo.addComment(layout, id, post, author, added.body())).isEqualTo(1);
            }
            for (Layout layout : Layout.values()) {
                PostView view = read(layout, post);
                assertThat(view.comments()).as(layout.name()).hasSize(MODEL.fanout() + 1).endsWith(added);
            }
        } finally {
            for (Layout layout : POSTGRES) {
                postgres.removeAddedComments(layout);
            }
            for (Layout layout : MONGO) {
                mongo.removeAddedComments(layout);
            }
        }
        for (Layout layout : Layout.values()) {
            assertThat(read(layout, post)).as(layout.name()).isEqualTo(MODEL.expectedPost(post));
        }
    }

    @Test
    void layoutsThatDisagreeFailWithThePostIdAndBothAnswers() throws Exception {
        try (Connection c = endpoint.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + MODEL.name() + ".d_comments SET author_name = 'Mallory' WHERE id = 32");
            try {
                PostView wrong = postgres.postDenormalized(7);
                assertThatThrownBy(() -> AnswerCheck.samePost(Layout.DENORMALIZED, 7, wrong, MODEL.expectedPost(7),
                        postgres.postJoined(7)))
                        .hasMessageContaining("layouts disagree on post 7")
                        .hasMessageContaining("DENORMALIZED answered")
                        .hasMessageContaining("NORMALIZED answers now")
                        .hasMessageContaining("comment #2")
                        .hasMessageContaining("Mallory")
                        .hasMessageContaining(MODEL.userName(MODEL.commentAuthor(32)));
                Map<Layout, PostView> answers = new EnumMap<>(Layout.class);
                answers.put(Layout.NORMALIZED, postgres.postJoined(7));
                answers.put(Layout.DENORMALIZED, wrong);
                assertThatThrownBy(() -> AnswerCheck.sameAcrossLayouts(7, answers))
                        .hasMessageContaining("post 7").hasMessageContaining("Mallory");
            } finally {
                s.executeUpdate("UPDATE " + MODEL.name() + ".d_comments SET author_name = '"
                        + MODEL.userName(MODEL.commentAuthor(32)) + "' WHERE id = 32");
            }
        }
    }

    @Test
    void anIdenticalDatasetIsReusedAndAnInterruptedRenameIsRepaired() throws Exception {
        long user = MODEL.usersWithCopies(1)[1];
        postgres.renameDenormalized(user, MODEL.renamedName(user, 0, 1));
        mongo.renameEmbedded(user, MODEL.renamedName(user, 0, 1));
        try (Connection c = endpoint.connect()) {
            assertThat(PostgresJoinsLoader.ensure(c, MODEL)).as("reloaded").isFalse();
        }
        assertThat(MongoJoinsLoader.ensure(client.getDatabase(JoinsFixture.MONGO_DATABASE), MODEL)).isFalse();
        for (long p : MODEL.documentsMentioning(user)) {
            assertThat(postgres.postDenormalized(p)).isEqualTo(MODEL.expectedPost(p));
            assertThat(mongo.postEmbedded(p)).isEqualTo(MODEL.expectedPost(p));
        }
    }
}
