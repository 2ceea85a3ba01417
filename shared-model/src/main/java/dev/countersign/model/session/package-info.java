/** What a reviewer's key signs besides decisions: session challenges and key rotations. */
package dev.countersign.model.session;
