package org.gongkai.publication.concern;

/** The departments a major or cross-department concern is reported to (R1, R4). */
public enum Department { PROPAGANDA, CYBERSPACE, EMERGENCY, DISCLOSURE }
