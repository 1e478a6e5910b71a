package io.netmodel.shell;

import io.netmodel.fsmount.FuseAvailability;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables a test class that mounts the model when FUSE is unavailable, before its
 * {@code @BeforeAll} runs: JUnit then reports the class's tests as skipped, with the reason, where
 * an assumption failing in {@code @BeforeAll} would make them vanish from the counts
 * ("Tests run: 0").
 */
public final class NeedsFuse implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> problem = FuseAvailability.problem();
        return problem.isEmpty() ? ConditionEvaluationResult.enabled("FUSE available")
            : ConditionEvaluationResult.disabled("FUSE unavailable: " + problem.get());
    }
}
