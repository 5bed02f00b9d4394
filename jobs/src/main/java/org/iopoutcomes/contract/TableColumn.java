package org.iopoutcomes.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A column of a table the pipeline writes; {@code type} is a Spark SQL type name. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TableColumn(String name, String type, String description) {}
