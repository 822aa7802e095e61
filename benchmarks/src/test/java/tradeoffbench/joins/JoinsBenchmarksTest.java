package tradeoffbench.joins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.testing.TestTargets;
import tradeoffbench.testing.TestThreads;

/**
 * The benchmark methods called directly (no JMH) at tiny scale: answers are checked, write benchmarks leave the
 * data as generated. PostgreSQL is the real embedded server; MongoDB is the fake (code paths only).
 */
class JoinsBenchmarksTest {
    static final int POSTS = 40;
    static final int FANOUT = 5;

    @AfterEach
    void clearEndpoints() {
        System.clearProperty(Endpoints.PROPERTY);
    }

    @Test
    void postgresPostReadsReturnTheModelsAnswers() throws Exception {
        TestTargets.useEndpoints(TestTargets.postgres());
        JoinsData dataset = data();
        PostgresLayouts data = new PostgresLayouts();
        data.load(dataset);
        PostReadBenchmark benchmark = new PostReadBenchmark();
        for (var read : List.<Read<PostReadBenchmark.PostgresSession>>of(
                benchmark::joined, benchmark::denormalized, benchmark::jsonbDocument)) {
            PostReadBenchmark.PostgresSession session = new PostReadBenchmark.PostgresSession();
            session.open(data, dataset);
            for (int i = 0; i < 100; i++) {
                PostView answer = read.apply(session);
                assertThat(answer).isEqualTo(dataset.model.expectedPost(answer.postId()));
            }
            session.close();
        }
    }

    @Test
    void mongoFakePostReadsReturnTheModelsAnswersCodePathOnly() throws Exception {
        TestTargets.useEndpoints(TestTargets.mongoFake());
        JoinsData dataset = data();
        MongoLayouts data = new MongoLayouts();
        data.load(dataset);
        PostReadBenchmark benchmark = new PostReadBenchmark();
        PostReadBenchmark.MongoSession session = new PostReadBenchmark.MongoSession();
        session.open(dataset);
        for (int i = 0; i < 50; i++) {
            PostView lookup = benchmark.mongoLookup(data, session);
            assertThat(lookup).isEqualTo(dataset.model.expectedPost(lookup.postId()));
            PostView embedded = benchmark.mongoEmbedded(data, session);
            assertThat(embedded).isEqualTo(dataset.model.expectedPost(embedded.postId()));
        }
        session.verify();
        data.close();
    }

    @Test
    void aWrongSampledAnswerFailsTheTrialWithThePostIdAndBothAnswers() {
        JoinsModel model = JoinsFixture.model(POSTS, FANOUT);
        AnswerCheck check = new AnswerCheck();
        PostView right = model.expectedPost(9);
        PostView wrong = new PostView(9, right.title(), right.authorId(), "Mallory", right.comments());
        check.post(9, FANOUT, Layout.JSONB, wrong);
        assertThatThrownBy(() -> check.verify(model, Layout.JSONB, id -> right))
                .hasMessageContaining("layouts disagree on post 9")
                .hasMessageContaining("JSONB answered post 9 by " + right.authorId() + " 'Mallory'")
                .hasMessageContaining("NORMALIZED answers now post 9 by " + right.authorId() + " '"
                        + right.authorName() + "'");
        assertThatThrownBy(() -> check.post(9, FANOUT + 1, Layout.JSONB, right))
                .hasMessageContaining("JSONB read of post 9 is wrong");
    }

    @Test
    void postgresFeedsReturnTheModelsPage() throws Exception {
        TestTargets.useEndpoints(TestTargets.postgres());
        JoinsData dataset = data();
        PostgresLayouts data = new PostgresLayouts();
        data.load(dataset);
        FeedReadBenchmark benchmark = new FeedReadBenchmark();
        FeedReadBenchmark.PostgresSession session = new FeedReadBenchmark.PostgresSession();
        session.open(data, dataset);
        for (int i = 0; i < 64; i++) {
            List<FeedItem> joined = benchmark.feedJoined(session);
            List<FeedItem> denormalized = benchmark.feedDenormalized(session);
            assertThat(joined).isNotEmpty();
            assertThat(denormalized).isNotEmpty();
        }
        assertThat(session.sampledUsers).isNotEmpty();
        session.close();
    }

    @Test
    void renamesChangeTheExpectedCopiesAndEveryIterationEndRestoresTheNames() throws Exception {
        TestTargets.useEndpoints(TestTargets.postgres(), TestTargets.mongoFake());
        JoinsData dataset = data();
        RenameWriteBenchmark.Renames renames = new RenameWriteBenchmark.Renames();
        renames.copies = 10;
        renames.plan(dataset);
        PostgresLayouts pg = new PostgresLayouts();
        pg.load(dataset);
        MongoLayouts mongo = new MongoLayouts();
        mongo.load(dataset);
        RenameWriteBenchmark benchmark = new RenameWriteBenchmark();
        RenameWriteBenchmark.PostgresSession session = new RenameWriteBenchmark.PostgresSession();
        session.open(pg, renames, TestThreads.thread(0, 1));
        RenameWriteBenchmark.MongoSession mongoSession = new RenameWriteBenchmark.MongoSession();
        mongoSession.open(mongo, renames, TestThreads.thread(1, 2));
        long user = session.user;
        long mongoUser = mongoSession.user;
        assertThat(mongoUser).isNotEqualTo(user);
        JoinsModel model = dataset.model;
        int docs = model.documentsMentioning(user).length;
        for (int iteration = 0; iteration < 2; iteration++) {
            for (int i = 0; i < 3; i++) {
                assertThat(benchmark.renameNormalized(session)).isEqualTo(1);
                assertThat(benchmark.renameDenormalized(session)).isEqualTo(1 + 10);
                assertThat(benchmark.renameJsonb(session)).isEqualTo(1 + docs);
                assertThat(benchmark.renameMongoNormalized(mongoSession)).isEqualTo(1);
                assertThat(benchmark.renameMongoEmbedded(mongoSession))
                        .isEqualTo(1 + model.documentsMentioning(mongoUser).length);
            }
            // Every copy holds the newest name until the iteration's end gives the user the generated one back.
            assertThat(session.store.postDenormalized(model.commentPost(model.commentsBy(user)[0])).comments())
                    .anyMatch(c -> c.authorId() == user && c.authorName().startsWith(model.userName(user) + " (renamed 0."));
            session.restore();
            mongoSession.restore();
            try (PostgresJoinsStore store = pg.open(model)) {
                for (long p : model.documentsMentioning(user)) {
                    for (Layout layout : List.of(Layout.NORMALIZED, Layout.DENORMALIZED, Layout.JSONB)) {
                        assertThat(store.post(layout, p)).isEqualTo(model.expectedPost(p));
                    }
                }
            }
        }
        session.close();
        mongo.close();
    }

    @Test
    void threadsThatShareAUserStillChangeDataWithEveryRename() throws Exception {
        TestTargets.useEndpoints(TestTargets.postgres());
        JoinsData dataset = data();
        RenameWriteBenchmark.Renames renames = new RenameWriteBenchmark.Renames();
        renames.copies = 10;
        renames.plan(dataset);
        PostgresLayouts pg = new PostgresLayouts();
        pg.load(dataset);
        RenameWriteBenchmark benchmark = new RenameWriteBenchmark();
        List<RenameWriteBenchmark.PostgresSession> sessions = new java.util.ArrayList<>();
        for (int t = 0; t <= JoinsModel.REPLICAS; t++) { // one thread more than there are planned users
            var s = new RenameWriteBenchmark.PostgresSession();
            s.open(pg, renames, TestThreads.thread(t, JoinsModel.REPLICAS + 1));
            sessions.add(s);
        }
        assertThat(sessions.get(0).user).isEqualTo(sessions.get(JoinsModel.REPLICAS).user);
        for (int i = 0; i < 3; i++) {
            for (var s : sessions) {
                assertThat(benchmark.renameNormalized(s)).isEqualTo(1);
            }
        }
        for (var s : sessions) {
            s.restore();
            s.close();
        }
    }

    @Test
    void addedCommentsAreReadBackAndRemovedAtIterationEnd() throws Exception {
        TestTargets.useEndpoints(TestTargets.postgres(), TestTargets.mongoFake());
        JoinsData dataset = data();
        PostgresLayouts layouts = new PostgresLayouts();
        layouts.load(dataset);
        AddCommentBenchmark.PostgresData pg = new AddCommentBenchmark.PostgresData();
        pg.load(layouts, dataset);
        AddCommentBenchmark.PostgresSession session = new AddCommentBenchmark.PostgresSession();
        session.open(pg);
        MongoLayouts mongoLayouts = new MongoLayouts();
        mongoLayouts.load(dataset);
        AddCommentBenchmark.MongoData mongo = new AddCommentBenchmark.MongoData();
        mongo.load(mongoLayouts, dataset);
        AddCommentBenchmark.MongoSession mongoSession = new AddCommentBenchmark.MongoSession();
        AddCommentBenchmark benchmark = new AddCommentBenchmark();
        for (int iteration = 0; iteration < 2; iteration++) {
            for (int i = 0; i < 40; i++) {
                assertThat(benchmark.addCommentNormalized(pg, session)).isEqualTo(1);
                assertThat(benchmark.addCommentDenormalized(pg, session)).isEqualTo(1);
                assertThat(benchmark.addCommentJsonb(pg, session)).isEqualTo(1);
                assertThat(benchmark.addCommentMongoNormalized(mongo, mongoSession)).isEqualTo(1);
                assertThat(benchmark.addCommentMongoEmbedded(mongo, mongoSession)).isEqualTo(1);
            }
            assertThat(pg.sample).isNotEmpty();
            pg.afterIteration();
            mongo.afterIteration();
            assertThat(pg.sample).isEmpty();
        }
        session.close();
        pg.close();
        mongoLayouts.close();
        JoinsModel model = dataset.model;
        try (PostgresJoinsStore store = layouts.open(model)) {
            for (long p = 1; p <= POSTS; p++) {
                for (Layout layout : List.of(Layout.NORMALIZED, Layout.DENORMALIZED, Layout.JSONB)) {
                    assertThat(store.post(layout, p)).isEqualTo(model.expectedPost(p));
                }
            }
        }
    }

    private static JoinsData data() {
        JoinsData dataset = new JoinsData();
        dataset.posts = POSTS;
        dataset.fanout = FANOUT;
        dataset.generate();
        return dataset;
    }

    interface Read<S> {
        PostView apply(S session) throws Exception;
    }
}
