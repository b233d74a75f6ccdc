package io.wirestream.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Confluent Schema Registry REST API over HTTP. Calls that fail for want of a registry (connection refused,
 * timeouts, 5xx, 429) are retried with exponential backoff, across the configured URLs, until the retry budget
 * is spent; then they fail with a message that says so. A registry's "no" (4xx) is not retried.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final RegistryConfig config;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public RestSchemaRegistryClient(RegistryConfig config) {
        this.config = config;
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (config.sslContext() != null) {
            http.sslContext(config.sslContext());
        }
        this.http = http.build();
    }

    @Override
    public int register(String subject, Schema schema) {
        return required(call("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema)), "id").asInt();
    }

    @Override
    public Schema getById(int id) {
        return new Schema.Parser().parse(required(call("GET", "/schemas/ids/" + id, null), "schema").asText());
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        JsonNode found = call("POST", "/subjects/" + encode(subject), schemaBody(schema));
        return new RegisteredSchema(required(found, "id").asInt(), subject, found.path("version").asInt(), schema);
    }

    @Override
    public RegisteredSchema latest(String subject) {
        JsonNode found = call("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        return new RegisteredSchema(required(found, "id").asInt(), subject, found.path("version").asInt(),
                new Schema.Parser().parse(required(found, "schema").asText()));
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, Schema schema) {
        try {
            JsonNode answer = call("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest?verbose=true",
                    schemaBody(schema));
            List<String> messages = new ArrayList<>();
            answer.path("messages").forEach(m -> messages.add(m.asText()));
            return new CompatibilityResult(answer.path("is_compatible").asBoolean(), messages);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                return new CompatibilityResult(true, List.of());
            }
            throw e;
        }
    }

    @Override
    public void checkReachable() {
        call("GET", "/subjects", null);
    }

    @Override
    public void setCompatibility(String subject, String level) {
        ObjectNode body = json.createObjectNode().put("compatibility", level);
        call("PUT", subject == null ? "/config" : "/config/" + encode(subject), body.toString());
    }

    private String schemaBody(Schema schema) {
        return json.createObjectNode().put("schema", schema.toString()).toString();
    }

    private JsonNode call(String method, String path, String body) {
        long deadline = System.nanoTime() + config.retryTimeout().toNanos();
        Duration backoff = FIRST_BACKOFF;
        int attempt = 0;
        Exception last = null;
        while (true) {
            URI base = config.urls().get(attempt % config.urls().size());
            attempt++;
            try {
                HttpResponse<String> response = http.send(request(method, base, path, body),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return answer(method, path, response.body());
                }
                SchemaRegistryException refusal = refusal(method, path, status, response.body());
                if (status < 500 && status != 429) {
                    throw refusal;
                }
                last = refusal;
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("interrupted while calling the " + config, e);
            }
            long left = deadline - System.nanoTime();
            if (backoff.toNanos() > left) {
                throw new SchemaRegistryException("the " + config + " did not answer " + method + " " + path
                        + " after " + attempt + " attempts over " + config.retryTimeout().toSeconds() + " s: "
                        + describe(last), last);
            }
            // Each attempt is logged, so that a registry that is down shows in the log while wirestream waits for it.
            LOG.warn("schema registry {} did not answer {} {} ({}); retrying in {} ms, for {} s more (attempt {})", base,
                    method, path, describe(last), backoff.toMillis(), Duration.ofNanos(left).toSeconds(), attempt);
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /** Why a call failed, for people: the JDK's HTTP client throws some exceptions without a message. */
    static String describe(Exception failure) {
        if (failure instanceof ConnectException) {
            return "cannot connect: nothing listens there, or it refused the connection";
        }
        if (failure instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        if (failure instanceof SchemaRegistryException) {
            return failure.getMessage();
        }
        return failure.getMessage() == null ? failure.getClass().getName() : failure.toString();
    }

    /** A 2xx answer that is not JSON comes from something other than a registry (a proxy's page): not retried. */
    private JsonNode answer(String method, String path, String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new SchemaRegistryException(200, 200, method + " " + path + " answered with something that is not "
                    + "JSON; is " + RegistryConfig.URL + " the registry's API base (e.g. .../apis/ccompat/v7)?");
        }
    }

    private static JsonNode required(JsonNode answer, String field) {
        JsonNode value = answer.get(field);
        if (value == null || value.isNull()) {
            throw new SchemaRegistryException(200, 200, "the registry's answer has no '" + field + "': " + answer);
        }
        return value;
    }

    private HttpRequest request(String method, URI base, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/+$", "") + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", CONTENT_TYPE + ", application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        if (config.authorization() != null) {
            request.header("Authorization", config.authorization());
        }
        return request.build();
    }

    private SchemaRegistryException refusal(String method, String path, int status, String body) {
        int code = status;
        String message = body;
        try {
            JsonNode error = json.readTree(body);
            code = error.path("error_code").asInt(status);
            message = error.path("message").asText(body);
        } catch (IOException | RuntimeException e) {
            // Not JSON: keep the raw body as the message.
        }
        return new SchemaRegistryException(status, code, method + " " + path + " -> " + status + " (" + code + "): "
                + message + advice(status));
    }

    /** What to check when the registry turns the caller away, the likeliest cause of a 401 or 403 at start. */
    private String advice(int status) {
        String given = config.authorization() == null ? "no credentials were given"
                : config.authorization().startsWith("Bearer") ? "the bearer token was refused" : "the basic auth user was refused";
        if (status == 401) {
            return "; authentication failed at the " + config + ": " + given + " (check "
                    + RegistryConfig.BASIC_AUTH_USER_INFO + " or " + RegistryConfig.BEARER_AUTH_TOKEN + ")";
        }
        if (status == 403) {
            return "; the " + config + " authenticated the caller but does not allow this call (check its permissions)";
        }
        return "";
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while waiting to retry the schema registry", e);
        }
    }
}
