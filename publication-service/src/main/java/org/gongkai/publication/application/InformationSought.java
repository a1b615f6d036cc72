package org.gongkai.publication.application;

/** Art. 29 (二): the information asked for, by its title, its document number or a description. */
public record InformationSought(String title, String documentNumber, String description) {
}
