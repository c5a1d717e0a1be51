package dev.ferry.executor.step;

import dev.ferry.events.secret.SealedSecret;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.executor.client.HerokuApiException;
import dev.ferry.executor.client.HerokuClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the Heroku steps share: the token (the step's sealed {@code herokuToken}, else the configured one)
 * and Heroku's errors as step errors (4xx final, 5xx and no answer retryable).
 */
@ApplicationScoped
public class HerokuSteps {
    private final HerokuClient heroku;
    private final SecretBox secrets;

    public HerokuSteps(HerokuClient heroku, SecretBox secrets) {
        this.heroku = heroku;
        this.secrets = secrets;
    }

    public HerokuClient client() {
        return heroku;
    }

    public String token(StepContext context) {
        SealedSecret sealed = context.step().secrets().get("herokuToken");
        if (sealed != null) {
            return secrets.open(sealed);
        }
        return heroku.configuredToken()
                .orElseThrow(() -> new StepException(
                        "No Heroku token: set ferry.executor.heroku.token or seal one as the step's herokuToken",
                        false));
    }

    /** Heroku failures as step failures. */
    public static <T> Uni<T> steps(Uni<T> call) {
        return call.onFailure(HerokuApiException.class)
                .transform(e -> new StepException(e.getMessage(), ((HerokuApiException) e).retryable()));
    }
}
