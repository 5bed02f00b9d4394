package org.iopoutcomes.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A reference from an entity's columns to the key of another entity. The referenced row's
 * {@code lookup} columns are brought in as a struct named {@code alias}, so that row rules can
 * compare with them (for example {@code session.scheduled_minutes}). A row whose referencing
 * columns are all set and name no accepted row breaks the rule {@code id}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferenceRule(
    String id,
    String description,
    List<String> columns,
    String entity,
    @JsonProperty("as") String alias,
    List<String> lookup) {}
