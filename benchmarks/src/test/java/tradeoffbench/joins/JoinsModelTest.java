package tradeoffbench.joins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The generated model: deterministic, and every planned K exists with exactly K copies. */
class JoinsModelTest {

    @Test
    void plannedUsersHaveExactlyKCommentsAndNoPosts() {
        JoinsModel model = JoinsModel.of(1000, 100);
        assertThat(model.plannedCopies()).containsExactly(1, 10, 100, 1000);
        assertThat(JoinsModel.of(1000, 10).plannedCopies()).as("8 users per K in half of 10,000 comments")
                .containsExactly(1, 10, 100);
        for (int k : model.plannedCopies()) {
            long[] users = model.usersWithCopies(k);
            assertThat(users).hasSize(JoinsModel.REPLICAS).doesNotHaveDuplicates();
            for (long u : users) {
                assertThat(model.commentsBy(u)).hasSize(k);
                assertThat(model.postsBy(u)).isEmpty();
                assertThat(model.documentsMentioning(u).length).isBetween(1, k);
            }
        }
    }

    @Test
    void activityIsSkewedAmongBackgroundUsers() {
        JoinsModel model = JoinsModel.of(1000, 10);
        Map<Long, Integer> counts = new HashMap<>();
        for (long c = 1; c <= model.comments(); c++) {
            counts.merge(model.commentAuthor(c), 1, Integer::sum);
        }
        int[] sorted = counts.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        assertThat(sorted[sorted.length - 1]).isGreaterThan(20 * sorted[sorted.length / 2]);
    }

    @Test
    void sameSeedSameData() {
        JoinsModel a = new JoinsModel(7, 50, 4);
        JoinsModel b = new JoinsModel(7, 50, 4);
        for (long p = 1; p <= 50; p++) {
            assertThat(a.expectedPost(p)).isEqualTo(b.expectedPost(p));
        }
        assertThat(a.expectedFeed(3)).isEqualTo(b.expectedFeed(3));
        assertThat(a.expectedPost(5)).isNotEqualTo(new JoinsModel(8, 50, 4).expectedPost(5));
    }

    @Test
    void aPostHasFanoutCommentsInIdOrderAndTheFeedIsNewestFirst() {
        JoinsModel model = JoinsModel.of(40, 5);
        PostView post = model.expectedPost(7);
        assertThat(post.comments()).extracting(PostView.Comment::commentId).containsExactly(31L, 32L, 33L, 34L, 35L);
        long[] ids = model.expectedFeed(1).stream().mapToLong(FeedItem::postId).toArray();
        assertThat(ids).isNotEmpty().hasSizeLessThanOrEqualTo(JoinsModel.FEED_PAGE);
        long[] desc = Arrays.stream(ids).boxed().sorted((x, y) -> Long.compare(y, x)).mapToLong(Long::longValue)
                .toArray();
        assertThat(ids).containsExactly(desc);
    }

    @Test
    void aMissingKIsAClearError() {
        JoinsModel model = JoinsModel.of(40, 5);
        assertThatThrownBy(() -> model.usersWithCopies(1000))
                .hasMessageContaining("no planned user with exactly 1000 comments")
                .hasMessageContaining("planned: [1, 10]");
    }

}
