package tradeoffbench.joins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tradeoffbench.targets.Endpoints;
import tradeoffbench.testing.TestTargets;

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
        PostReadBenchmark.Dataset dataset = new PostReadBenchmark.Dataset();
        dataset.posts = POSTS;
        dataset.fanout = FANOUT;
        dataset.generate();
        PostReadBenchmark.PostgresData data = new PostReadBenchmark.PostgresData();
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
        PostReadBenchmark.Dataset dataset = new PostReadBenchmark.Dataset();
        dataset.posts = POSTS;
        dataset.fanout = FANOUT;
        dataset.generate();
        PostReadBenchmark.MongoData data = new PostReadBenchmark.MongoData();
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
        FeedReadBenchmark.Dataset dataset = new FeedReadBenchmark.Dataset();
        dataset.posts = POSTS;
        dataset.fanout = FANOUT;
        dataset.generate();
        FeedReadBenchmark.PostgresData data = new FeedReadBenchmark.PostgresData();
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
    void renamesChangeTheExpectedCopiesAndTrialEndRestoresTheNames() throws Exception {
        TestTargets.useEndpoints(TestTargets.postgres(), TestTargets.mongoFake());
        RenameWriteBenchmark.Dataset dataset = new RenameWriteBenchmark.Dataset();
        dataset.posts = POSTS;
        dataset.fanout = FANOUT;
        dataset.copies = 10;
        dataset.generate();
        RenameWriteBenchmark.PostgresData pg = new RenameWriteBenchmark.PostgresData();
        pg.load(dataset);
        RenameWriteBenchmark.MongoData mongo = new RenameWriteBenchmark.MongoData();
        mongo.load(dataset);
        RenameWriteBenchmark benchmark = new RenameWriteBenchmark();
        RenameWriteBenchmark.PostgresSession session = new RenameWriteBenchmark.PostgresSession();
        session.open(pg, dataset);
        RenameWriteBenchmark.MongoSession mongoSession = new RenameWriteBenchmark.MongoSession();
        mongoSession.open(mongo, dataset);
        long user = session.user;
        long mongoUser = mongoSession.user;
        assertThat(mongoUser).isNotEqualTo(user);
        JoinsModel model = dataset.model;
        int docs = model.documentsMentioning(user).length;
        for (int i = 0; i < 3; i++) {
            assertThat(benchmark.renameNormalized(session)).isEqualTo(1);
            assertThat(benchmark.renameDenormalized(session)).isEqualTo(1 + 10);
            assertThat(benchmark.renameJsonb(session)).isEqualTo(1 + docs);
            assertThat(benchmark.renameMongoNormalized(mongoSession)).isEqualTo(1);
            assertThat(benchmark.renameMongoEmbedded(mongoSession))
                    .isEqualTo(1 + model.documentsMentioning(mongoUser).length);
        }
        // Three calls each: the users now hold the alternate name in every layout, until trial end restores it.
        assertThat(session.store.postDenormalized(model.commentPost(model.commentsBy(user)[0])).comments())
                .anyMatch(c -> c.authorName().equals(model.alternateName(user)));
        session.close();
        mongoSession.close();
        mongo.close();
        try (PostgresJoinsStore store = JoinsFixture.openPostgres(pg.endpoint, model)) {
            for (long p : model.documentsMentioning(user)) {
                for (Layout layout : List.of(Layout.NORMALIZED, Layout.DENORMALIZED, Layout.JSONB)) {
                    assertThat(store.post(layout, p)).isEqualTo(model.expectedPost(p));
                }
            }
        }
    }

    @Test
    void addedCommentsAreReadBackAndRemovedAtIterationEnd() throws Exception {
        TestTargets.useEndpoints(TestTargets.postgres(), TestTargets.mongoFake());
        AddCommentBenchmark.Dataset dataset = new AddCommentBenchmark.Dataset();
        dataset.posts = POSTS;
        dataset.fanout = FANOUT;
        dataset.generate();
        AddCommentBenchmark.PostgresData pg = new AddCommentBenchmark.PostgresData();
        pg.load(dataset);
        AddCommentBenchmark.PostgresSession session = new AddCommentBenchmark.PostgresSession();
        session.open(pg);
        AddCommentBenchmark.MongoData mongo = new AddCommentBenchmark.MongoData();
        mongo.load(dataset);
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
        mongo.close();
        JoinsModel model = dataset.model;
        try (PostgresJoinsStore store = JoinsFixture.openPostgres(pg.endpoint, model)) {
            for (long p = 1; p <= POSTS; p++) {
                for (Layout layout : List.of(Layout.NORMALIZED, Layout.DENORMALIZED, Layout.JSONB)) {
                    assertThat(store.post(layout, p)).isEqualTo(model.expectedPost(p));
                }
            }
        }
    }

    @Test
    void everyPairNamesExistingBenchmarkMethods() throws Exception {
        for (JoinsPairs pair : JoinsPairs.ALL) {
            for (JoinsPairs.Twin twin : List.of(pair.normalized(), pair.denormalized())) {
                for (String name : List.of(twin.read(), twin.rename(), twin.addComment())) {
                    String[] parts = name.split("\\.");
                    Class<?> type = Class.forName("tradeoffbench.joins." + parts[0]);
                    assertThat(type.getMethods()).as(name).anyMatch(m -> m.getName().equals(parts[1])
                            && m.isAnnotationPresent(org.openjdk.jmh.annotations.Benchmark.class));
                }
            }
        }
    }

    interface Read<S> {
        PostView apply(S session) throws Exception;
    }
}
