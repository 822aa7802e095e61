package tradeoffbench.joins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How the family proves it did the right work. Inside the measured loop: a cheap check of every answer (the right
 * post, the planned number of comments, no missing name). At trial end: a sample of the answers actually returned
 * is compared, field by field, with the generated model, which is what every layout must answer; a difference
 * fails the run with the post id, the layout and both answers.
 */
final class AnswerCheck {
    /** One answer in this many is kept for the end-of-trial comparison. */
    static final int SAMPLE_EVERY = 32;
    static final int SAMPLE_MAX = 256;

    private final List<Long> ids = new ArrayList<>();
    private final List<PostView> answers = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom();
    private long seen;

    /** Checks an answer cheaply and keeps a sample of the answers. */
    PostView post(long postId, int fanout, Layout layout, PostView answer) {
        if (answer == null) {
            throw wrong(layout, postId, "no post came back");
        }
        if (answer.postId() != postId || answer.comments().size() != fanout || answer.authorName() == null) {
            throw wrong(layout, postId, "answered " + summary(answer) + " (expected " + fanout + " comments)");
        }
        if (seen++ % SAMPLE_EVERY == 0 && answers.size() < SAMPLE_MAX) {
            ids.add(postId);
            answers.add(answer);
        }
        return answer;
    }

    /** Compares the kept answers with the model (and with the reference layout's answer, when one is given). */
    void verify(JoinsModel model, Layout layout, Reference reference) throws Exception {
        if (seen > 0 && answers.isEmpty()) {
            throw new IllegalStateException(layout + " kept no answer to verify");
        }
        for (int i = 0; i < answers.size(); i++) {
            long id = ids.get(i);
            PostView expected = model.expectedPost(id);
            PostView other = reference == null ? null : reference.read(id);
            samePost(layout, id, answers.get(i), expected, other);
        }
    }

    /** The post as another layout answers it now: named in the failure so both answers are visible. */
    interface Reference {
        PostView read(long postId) throws Exception;
    }

    /** Fails with the post id and the differing answers when {@code actual} is not the model's answer. */
    static void samePost(Layout layout, long postId, PostView actual, PostView expected, PostView reference) {
        if (Objects.equals(actual, expected)) {
            return;
        }
        throw new IllegalStateException("layouts disagree on post " + postId + ": " + layout + " answered "
                + summary(actual) + ", the generated model (every layout's answer) is " + summary(expected)
                + (reference == null ? "" : ", NORMALIZED answers now " + summary(reference))
                + "; first difference: " + firstDifference(expected, actual));
    }

    /** Fails with the post id and every layout's answer unless all are equal. */
    static void sameAcrossLayouts(long postId, Map<Layout, PostView> answers) {
        PostView first = answers.values().iterator().next();
        for (var e : answers.entrySet()) {
            if (!Objects.equals(first, e.getValue())) {
                StringBuilder all = new StringBuilder();
                answers.forEach((layout, answer) -> all.append("\n  ").append(layout).append(": ").append(answer));
                throw new IllegalStateException("layouts disagree on post " + postId + "; first difference: "
                        + firstDifference(first, e.getValue()) + "; answers:" + all);
            }
        }
    }

    static String summary(PostView p) {
        if (p == null) {
            return "nothing";
        }
        return "post " + p.postId() + " by " + p.authorId() + " '" + p.authorName() + "' with "
                + p.comments().size() + " comments";
    }

    static String firstDifference(PostView expected, PostView actual) {
        if (expected == null || actual == null) {
            return "expected " + expected + ", found " + actual;
        }
        if (expected.postId() != actual.postId() || !Objects.equals(expected.title(), actual.title())
                || expected.authorId() != actual.authorId()
                || !Objects.equals(expected.authorName(), actual.authorName())) {
            return "post header expected (" + expected.postId() + ", '" + expected.title() + "', "
                    + expected.authorId() + ", '" + expected.authorName() + "') found (" + actual.postId() + ", '"
                    + actual.title() + "', " + actual.authorId() + ", '" + actual.authorName() + "')";
        }
        int n = Math.min(expected.comments().size(), actual.comments().size());
        for (int i = 0; i < n; i++) {
            if (!expected.comments().get(i).equals(actual.comments().get(i))) {
                return "comment #" + (i + 1) + " expected " + expected.comments().get(i) + ", found "
                        + actual.comments().get(i);
            }
        }
        return "expected " + expected.comments().size() + " comments, found " + actual.comments().size();
    }

    static IllegalStateException wrong(Layout layout, long postId, String what) {
        return new IllegalStateException(layout + " read of post " + postId + " is wrong: " + what);
    }

    long nextPost(JoinsModel model) {
        return 1 + random.nextInt(model.posts());
    }

    long nextUser(JoinsModel model) {
        return 1 + random.nextInt(model.backgroundUsers());
    }
}
