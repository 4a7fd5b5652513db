package dev.trafficengineer.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * Any OpenAI-compatible endpoint (OpenAI, Azure-compatible gateways, Ollama, vLLM, LM Studio) through
 * langchain4j's OpenAI client, which retries 408, 429 and 5xx answers with backoff ({@link LlmSettings#maxRetries()}
 * times). Failures become {@link LlmException}s whose messages say what to do; none repeats the key.
 */
public final class OpenAiModelClient implements ModelClient {

    static final String OPENAI = "https://api.openai.com/v1";

    private final ChatModel model;
    private final String name;
    private final String endpoint;
    private final UsageListener usage;

    public OpenAiModelClient(LlmSettings settings, UsageListener usage) {
        this.name = settings.model();
        this.endpoint = settings.baseUrl() != null ? settings.baseUrl() : OPENAI;
        this.usage = usage;
        this.model = OpenAiChatModel.builder()
                .baseUrl(endpoint)
                // local servers (Ollama, vLLM) need no key, but the client insists on one
                .apiKey(settings.apiKey() != null ? settings.apiKey() : "no-key")
                .modelName(settings.model())
                .temperature(0.0)
                .timeout(settings.timeout())
                .maxRetries(settings.maxRetries())
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Reply chat(List<Message> messages) throws LlmException {
        List<ChatMessage> out = new ArrayList<>();
        for (Message m : messages) {
            out.add(switch (m.role()) {
                case SYSTEM -> SystemMessage.from(m.text());
                case USER -> UserMessage.from(m.text());
                case ASSISTANT -> AiMessage.from(m.text());
            });
        }
        try {
            ChatResponse r = model.chat(ChatRequest.builder().messages(out).build());
            TokenUsage t = r.tokenUsage();
            String text = r.aiMessage() == null || r.aiMessage().text() == null ? "" : r.aiMessage().text();
            Reply reply = new Reply(text, t == null || t.inputTokenCount() == null ? 0 : t.inputTokenCount(),
                    t == null || t.outputTokenCount() == null ? 0 : t.outputTokenCount(),
                    r.finishReason() == FinishReason.LENGTH);
            usage.succeeded(reply);
            return reply;
        } catch (RuntimeException e) {
            LlmException failure = translate(e);
            usage.failed(failure.kind());
            throw failure;
        }
    }

    private LlmException translate(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof TimeoutException || root instanceof RateLimitException
                    || root instanceof InternalServerException || root instanceof AuthenticationException
                    || root instanceof InvalidRequestException) {
                break;
            }
            root = root.getCause();
        }
        if (root instanceof TimeoutException || e instanceof TimeoutException
                || root instanceof java.net.http.HttpTimeoutException) {
            return new LlmException(LlmException.Kind.TIMEOUT, "the model at " + endpoint + " did not answer in"
                    + " time; raise --llm-timeout or try again");
        }
        if (root instanceof RateLimitException) {
            return new LlmException(LlmException.Kind.RATE_LIMITED, "the model at " + endpoint
                    + " is rate limiting (HTTP 429) even after retries; try again later");
        }
        if (root instanceof InternalServerException) {
            return new LlmException(LlmException.Kind.SERVER_ERROR, "the model at " + endpoint
                    + " failed (HTTP 5xx) even after retries; try again later");
        }
        if (root instanceof AuthenticationException) {
            return new LlmException(LlmException.Kind.AUTHENTICATION, "the model at " + endpoint
                    + " refused the API key; check OPENAI_API_KEY");
        }
        if (root instanceof InvalidRequestException) {
            return new LlmException(LlmException.Kind.BAD_REQUEST, "the model at " + endpoint
                    + " rejected the request (" + firstLine(root.getMessage()) + "); check the model name");
        }
        if (root instanceof java.net.ConnectException || root instanceof java.io.IOException) {
            return new LlmException(LlmException.Kind.UNREACHABLE, "cannot reach the model at " + endpoint
                    + " (" + root.getClass().getSimpleName() + "); check OPENAI_BASE_URL");
        }
        return new LlmException(LlmException.Kind.OTHER, "the model call failed: " + firstLine(e.getMessage()));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no details";
        }
        String line = s.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
