package dev.ferry.executor.step;

import java.util.Map;

/** What a step achieved: one line for people and the ids later steps and resumes need. */
public record StepOutcome(String summary, Map<String, String> outputs) {}
