package io.wirestream.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where the team's {@code shared/} folder sits beside the checkout; elsewhere (a
 * user's clone) the class is reported as skipped, with the reason printed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresShared.Condition.class)
public @interface RequiresShared {

    /** Decides, once per class, and says why on stderr when it skips. */
    public final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (SharedFixtures.sharedDir() != null) {
                return ConditionEvaluationResult.enabled("shared/ found");
            }
            String reason = "skipped " + context.getDisplayName() + ": ../shared/ (the seed and the labelled samples) "
                    + "is not beside this checkout; it exists only in the team's workspace and CI. "
                    + "Set WIRESTREAM_SHARED_DIR to run these tests against a copy.";
            System.err.println(reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
