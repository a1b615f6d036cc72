package org.gongkai.reporting.reports;

/** What a section writes in its progress report (O3): work done, problems, next steps. */
public record Narrative(String workDone, String problems, String nextSteps) {
}
