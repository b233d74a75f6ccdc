package io.wirestream.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.wirestream.schema.AlertRule;
import io.wirestream.topology.HeldList;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The handlers of the page's JSON API: what the feed holds, the counts, and alert rules to read and change. */
final class ApiHandlers {

    /** The most a request body may hold: a rule is a name, a query of at most 2000 characters, a subject. */
    static final int MAX_BODY = 64 * 1024;
    private static final int DEFAULT_MINUTES = 180;
    private static final int MAX_MINUTES = 24 * 60;
    private static final String RULE_SHAPE = "the body must be a JSON object: {\"name\", \"query\", \"subject\"}";

    private final FeedState feed;
    private final AlertRuleService rules;
    private final DashboardServer.Backend backend;
    private final String applicationId;
    private final boolean tokenRequired;

    ApiHandlers(FeedState feed, AlertRuleService rules, DashboardServer.Backend backend, String applicationId,
            boolean tokenRequired) {
        this.feed = feed;
        this.rules = rules;
        this.backend = backend;
        this.applicationId = applicationId;
        this.tokenRequired = tokenRequired;
    }

    void info(Context ctx) {
        ApiJson.reply(ctx, 200, new ApiBodies.Info(applicationId, backend.state(), feed.isCaughtUp(), tokenRequired,
                feed.columns()));
    }

    void recent(Context ctx) {
        ApiJson.reply(ctx, 200, feed.snapshot());
    }

    void rules(Context ctx) {
        ApiJson.reply(ctx, 200, ApiBodies.Rule.of(feed.rules().values()));
    }

    /** Dispatches per column per minute, the last {@code minutes} (default 180, at most a day) up to now. */
    void counts(Context ctx) {
        String given = ctx.queryParam("minutes");
        int minutes = DEFAULT_MINUTES;
        if (given != null) {
            try {
                minutes = Integer.parseInt(given);
            } catch (NumberFormatException e) {
                minutes = -1;
            }
            if (minutes < 1 || minutes > MAX_MINUTES) {
                ApiJson.error(ctx, 400, "minutes must be from 1 to " + MAX_MINUTES);
                return;
            }
        }
        Instant to = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant from = to.minus(minutes - 1L, ChronoUnit.MINUTES);
        Map<String, Map<Instant, Long>> counts;
        try {
            counts = backend.counts(from, to);
        } catch (IllegalStateException e) {
            ApiJson.error(ctx, 503, "counts are not available yet: " + e.getMessage());
            return;
        }
        ApiJson.reply(ctx, 200, ApiBodies.Counts.of(from, minutes, feed.columns(), counts));
    }

    /** The dispatches held back by this instance, soonest release first. */
    void held(Context ctx) {
        List<HeldList.Entry> held;
        try {
            held = backend.held();
        } catch (IllegalStateException e) {
            ApiJson.error(ctx, 503, "held dispatches are not available yet: " + e.getMessage());
            return;
        }
        ApiJson.reply(ctx, 200, held);
    }

    /** JSON only: a plain HTML form on another site cannot send it without the browser asking first. */
    void createRule(Context ctx) throws IOException {
        String type = ctx.header(Header.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            ApiJson.error(ctx, 415, "send the rule as application/json");
            return;
        }
        JsonNode body = readBody(ctx);
        if (body == null || !body.isObject()) {
            ApiJson.error(ctx, 400, RULE_SHAPE);
            return;
        }
        try {
            AlertRule rule = rules.create(text(body, "name"), text(body, "query"), text(body, "subject"));
            ApiJson.reply(ctx, 201, ApiBodies.Rule.of(rule));
        } catch (AlertRuleService.InvalidRuleException e) {
            ApiJson.error(ctx, 400, e.getMessage());
        } catch (IllegalStateException e) {
            ApiJson.error(ctx, 503, e.getMessage());
        } catch (InterruptedException e) {
            stopping(ctx);
        }
    }

    void deleteRule(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            if (rules.delete(id)) {
                ctx.status(204);
            } else {
                ApiJson.error(ctx, 404, "no alert rule with id '" + id + "'");
            }
        } catch (IllegalStateException e) {
            ApiJson.error(ctx, 503, e.getMessage());
        } catch (InterruptedException e) {
            stopping(ctx);
        }
    }

    private static void stopping(Context ctx) {
        Thread.currentThread().interrupt();
        ApiJson.error(ctx, 503, "stopping");
    }

    /** The body as JSON, read no further than {@link #MAX_BODY}; null when it is too long or not JSON. */
    private static JsonNode readBody(Context ctx) throws IOException {
        byte[] body;
        try (InputStream in = ctx.bodyInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return null;
        }
        try {
            return ApiJson.read(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
