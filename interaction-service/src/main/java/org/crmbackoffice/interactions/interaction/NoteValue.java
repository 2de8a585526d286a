package org.crmbackoffice.interactions.interaction;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.common.Note;

/** One note on an interaction, as stored; a note without id, author or date gets them when it is added. */
@Embeddable
record NoteValue(@Column(name = "note_id") String noteId, @Column(name = "author") String author,
		@Column(name = "note_date") Instant date, @Column(name = "text") String text) {

	static NoteValue of(Note note, Instant now, String author) {
		return new NoteValue((note.id() != null) ? note.id() : UUID.randomUUID().toString(),
				(note.author() != null) ? note.author() : author, (note.date() != null) ? note.date().toInstant() : now,
				note.text());
	}

	Note toNote() {
		return new Note(this.noteId, this.author, this.date.atOffset(ZoneOffset.UTC), this.text);
	}

}
