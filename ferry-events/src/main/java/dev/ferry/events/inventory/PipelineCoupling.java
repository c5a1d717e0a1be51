package dev.ferry.events.inventory;

/** Where an app sits in a pipeline: {@code review}, {@code development}, {@code staging} or {@code production}. */
public record PipelineCoupling(String pipelineId, String pipelineName, String stage) {}
