package tradeoffbench.joins;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import tradeoffbench.dataset.UserGenerator;

/**
 * The one logical model every layout stores: users, posts and comments (each comment's author is a user), plus who
 * follows whom. Generated from a seed, the number of posts and the comments per post (fan-out), entirely in memory,
 * so any answer can be recomputed to check what a layout returned.
 *
 * <p>Ids: posts 1..P; comments 1..P*F, post p holding comments (p-1)*F+1 .. p*F; users 1..U. Users of very different
 * activity: "background" users author every post and most comments with a steep skew (a few write a lot), and a
 * ladder of <em>planned</em> users author exactly K comments each (K = 1, 10, 100, ...; {@link #REPLICAS} users per
 * K so parallel threads rename different users) and no post, so renaming one of them updates exactly K comment
 * copies in the denormalized layouts. A K is planned while all planned comments fit in half of the comments.
 */
public final class JoinsModel {
    /** Bump whenever the generated data changes, so stale datasets are not reused. */
    public static final int VERSION = 2;
    public static final int REPLICAS = 8;
    static final int[] LADDER = {1, 10, 100, 1_000, 10_000, 100_000};
    static final int FOLLOWS_PER_USER = 20;
    public static final int FEED_PAGE = 20;
    /** Posts are one minute apart from this instant: the id order is the time order. */
    static final long EPOCH_SECONDS = 1_767_225_600L; // 2026-01-01T00:00:00Z

    private static final String[] WORDS = {
        "index", "join", "shard", "cache", "queue", "replica", "vacuum", "lock", "commit", "page", "tuple", "plan",
        "scan", "latency", "quorum", "leader", "log", "snapshot", "bloom", "tree"};

    private final long seed;
    private final int posts;
    private final int fanout;
    private final int backgroundUsers;
    private final int users;
    private final long[] postAuthor;
    private final long[] commentAuthor;
    private final String[] names;
    private final Map<Integer, long[]> plannedByCopies = new LinkedHashMap<>();
    private final long[][] followees;
    private final long[][] postsByAuthor;

    public static JoinsModel of(int posts, int fanout) {
        return new JoinsModel(UserGenerator.DEFAULT_SEED, posts, fanout);
    }

    public JoinsModel(long seed, int posts, int fanout) {
        if (posts < 1 || fanout < 1) {
            throw new IllegalArgumentException("posts and fanout must be at least 1, got posts=" + posts
                    + ", fanout=" + fanout);
        }
        this.seed = seed;
        this.posts = posts;
        this.fanout = fanout;
        this.backgroundUsers = Math.max(FOLLOWS_PER_USER + 1, posts / 2);
        long comments = (long) posts * fanout;
        if (comments > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("too many comments: " + comments);
        }
        int c = (int) comments;
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL ^ ((long) posts << 32) ^ fanout);

        // Planned users: ids after the background users; each gets K comment slots from a seeded shuffle.
        int[] slots = new int[c];
        for (int i = 0; i < c; i++) {
            slots[i] = i;
        }
        for (int i = c - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = slots[i];
            slots[i] = slots[j];
            slots[j] = t;
        }
        commentAuthor = new long[c];
        long nextUser = backgroundUsers + 1;
        int used = 0;
        for (int k : LADDER) {
            if (used + (long) REPLICAS * k > c / 2) {
                break;
            }
            long[] ids = new long[REPLICAS];
            for (int r = 0; r < REPLICAS; r++) {
                ids[r] = nextUser++;
                for (int i = 0; i < k; i++) {
                    commentAuthor[slots[used++]] = ids[r];
                }
            }
            plannedByCopies.put(k, ids);
        }
        users = (int) (nextUser - 1);
        for (int i = 0; i < c; i++) {
            if (commentAuthor[i] == 0) {
                commentAuthor[i] = skewedBackgroundUser(random, 3);
            }
        }
        postAuthor = new long[posts];
        for (int p = 0; p < posts; p++) {
            postAuthor[p] = skewedBackgroundUser(random, 2);
        }
        UserGenerator generator = new UserGenerator(seed);
        names = new String[users + 1];
        for (int u = 1; u <= users; u++) {
            names[u] = generator.user(u).name();
        }
        // Follows: every background user follows FOLLOWS_PER_USER distinct other background users, uniformly.
        followees = new long[backgroundUsers + 1][];
        for (int u = 1; u <= backgroundUsers; u++) {
            TreeSet<Long> chosen = new TreeSet<>();
            while (chosen.size() < FOLLOWS_PER_USER) {
                long f = 1 + random.nextInt(backgroundUsers);
                if (f != u) {
                    chosen.add(f);
                }
            }
            followees[u] = chosen.stream().mapToLong(Long::longValue).toArray();
        }
        List<List<Long>> byAuthor = new ArrayList<>();
        for (int u = 0; u <= users; u++) {
            byAuthor.add(new ArrayList<>());
        }
        for (int p = 1; p <= posts; p++) {
            byAuthor.get((int) postAuthor[p - 1]).add((long) p);
        }
        postsByAuthor = new long[users + 1][];
        for (int u = 0; u <= users; u++) {
            postsByAuthor[u] = byAuthor.get(u).stream().mapToLong(Long::longValue).toArray();
        }
    }

    /** A background user, skewed towards low ids: r^power concentrates activity on a few users. */
    private long skewedBackgroundUser(SplittableRandom random, int power) {
        return 1 + (long) (backgroundUsers * Math.pow(random.nextDouble(), power));
    }

    /** Name of the PostgreSQL schema / MongoDB collection prefix holding this dataset: one per (posts, fanout). */
    public String name() {
        return "joins_p" + posts + "_f" + fanout;
    }

    /** What identifies the generated data; equal values mean an identical dataset. */
    public String fingerprintValue() {
        return "joins/v" + VERSION + "/seed=" + seed + "/posts=" + posts + "/fanout=" + fanout;
    }

    public int posts() {
        return posts;
    }

    public int fanout() {
        return fanout;
    }

    public int users() {
        return users;
    }

    public int backgroundUsers() {
        return backgroundUsers;
    }

    public long comments() {
        return (long) posts * fanout;
    }

    public long postAuthor(long postId) {
        return postAuthor[(int) postId - 1];
    }

    public long commentAuthor(long commentId) {
        return commentAuthor[(int) commentId - 1];
    }

    public long commentPost(long commentId) {
        return (commentId - 1) / fanout + 1;
    }

    public String userName(long userId) {
        return names[(int) userId];
    }

    public String userHandle(long userId) {
        return "user_" + userId;
    }

    public static String postTitle(long postId) {
        return "Post " + postId + ": on " + WORDS[(int) (postId % WORDS.length)] + " and "
                + WORDS[(int) ((postId * 7 + 3) % WORDS.length)];
    }

    public static String postBody(long postId) {
        return "Why " + WORDS[(int) ((postId * 3) % WORDS.length)] + " matters more than "
                + WORDS[(int) ((postId * 5 + 1) % WORDS.length)] + " (post " + postId + ")";
    }

    public static String commentBody(long commentId) {
        return "Comment " + commentId + ": agreed about " + WORDS[(int) (commentId % WORDS.length)]
                + ", but what about " + WORDS[(int) ((commentId * 11 + 5) % WORDS.length)] + "?";
    }

    public static String postCreatedAt(long postId) {
        return java.time.Instant.ofEpochSecond(EPOCH_SECONDS + postId * 60).toString();
    }

    public long[] followees(long userId) {
        return followees[(int) userId];
    }

    public long[] postsBy(long userId) {
        return postsByAuthor[(int) userId];
    }

    /** The copies swept by the rename benchmark that this dataset holds (K values with planned users). */
    public List<Integer> plannedCopies() {
        return List.copyOf(plannedByCopies.keySet());
    }

    /** The {@link #REPLICAS} users with exactly {@code copies} comments and no post, or a clear error. */
    public long[] usersWithCopies(int copies) {
        long[] ids = plannedByCopies.get(copies);
        if (ids == null) {
            throw new IllegalArgumentException("dataset " + name() + " has no planned user with exactly " + copies
                    + " comments (planned: " + plannedCopies() + "); raise posts or fanout so that "
                    + REPLICAS + " x the sum of the copies ladder fits in half of the " + comments() + " comments");
        }
        return ids.clone();
    }

    /** Comment ids written by a user, ascending. */
    public long[] commentsBy(long userId) {
        return java.util.stream.LongStream.rangeClosed(1, comments())
                .filter(id -> commentAuthor[(int) id - 1] == userId).toArray();
    }

    /** Distinct posts holding a comment of, or written by, the user: the documents a rename rewrites. */
    public long[] documentsMentioning(long userId) {
        TreeSet<Long> ids = new TreeSet<>();
        for (long c : commentsBy(userId)) {
            ids.add(commentPost(c));
        }
        for (long p : postsBy(userId)) {
            ids.add(p);
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** The answer every layout must give for a post, with the current names (original unless renamed). */
    public PostView expectedPost(long postId, Map<Long, String> renamed) {
        List<PostView.Comment> comments = new ArrayList<>(fanout);
        for (long id = (postId - 1) * fanout + 1; id <= postId * fanout; id++) {
            long author = commentAuthor(id);
            comments.add(new PostView.Comment(id, author, nameOf(author, renamed), commentBody(id)));
        }
        long author = postAuthor(postId);
        return new PostView(postId, postTitle(postId), author, nameOf(author, renamed), comments);
    }

    public PostView expectedPost(long postId) {
        return expectedPost(postId, Map.of());
    }

    /** The latest {@link #FEED_PAGE} posts of the users this user follows, newest first. */
    public List<FeedItem> expectedFeed(long userId) {
        List<Long> candidates = new ArrayList<>();
        for (long f : followees(userId)) {
            for (long p : postsBy(f)) {
                candidates.add(p);
            }
        }
        long[] sorted = candidates.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        List<FeedItem> page = new ArrayList<>(FEED_PAGE);
        for (int i = sorted.length - 1; i >= 0 && page.size() < FEED_PAGE; i--) {
            long p = sorted[i];
            page.add(new FeedItem(p, postAuthor(p), userName(postAuthor(p)), postTitle(p)));
        }
        return page;
    }

    /** Total feed rows a fan-out-on-write timeline holds: one per (follower, post of a followee). */
    public long feedRows() {
        long rows = 0;
        for (int u = 1; u <= backgroundUsers; u++) {
            for (long f : followees[u]) {
                rows += postsByAuthor[(int) f].length;
            }
        }
        return rows;
    }

    /** The feed rows carrying this user as the author: one per (follower, post of this user). */
    public long feedRowsOf(long userId) {
        int posts = postsBy(userId).length;
        if (posts == 0) {
            return 0;
        }
        long followers = 0;
        for (int u = 1; u <= backgroundUsers; u++) {
            for (long f : followees[u]) {
                if (f == userId) {
                    followers++;
                }
            }
        }
        return followers * posts;
    }

    private String nameOf(long userId, Map<Long, String> renamed) {
        String name = renamed.get(userId);
        return name != null ? name : userName(userId);
    }

    /**
     * A name no rename has given the user before: the {@code n}-th rename by thread {@code thread}. Every rename
     * then really changes the value, even when threads share a user.
     */
    public String renamedName(long userId, int thread, long n) {
        return userName(userId) + " (renamed " + thread + "." + n + ")";
    }
}
