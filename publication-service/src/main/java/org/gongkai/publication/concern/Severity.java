package org.gongkai.publication.concern;

/** How serious a public concern is; MAJOR concerns are escalated (R4). */
public enum Severity { LOW, MEDIUM, HIGH, MAJOR }
