package dev.countersign.gateway.reviewers;

import dev.countersign.model.api.EnrollmentReceipt;

/** The result of an enrollment: the receipt, and whether the key was new (201) or already enrolled (200). */
public record Enrollment(EnrollmentReceipt receipt, boolean created) {}
