package org.crmbackoffice.interactions.interaction;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.common.Note;

/**
 * One note on an interaction, as stored; a note without id, author or date gets them when
 * it is added.
 */
@Embeddable
record NoteValue(@Column(name = "note_id") String noteId, @Column(name = "author") String author,
		@Column(name = "note_date") Instant date, @Column(name = "text") String text,
		@Column(name = "at_type") String type) {

	static NoteValue of(Note note, Instant now, String author) {
		return new NoteValue((note.id() != null) ? note.id() : UUID.randomUUID().toString(),
				(note.author() != null) ? note.author() : author, (note.date() != null) ? note.date().toInstant() : now,
				note.text(), note.type());
	}

	NoteValue erased() {
		return new NoteValue(this.noteId, this.author, this.date, PartyInteractionEntity.ERASED, this.type);
	}

	Note toNote() {
		return new Note(this.noteId, this.author, Periods.offset(this.date), this.text,
				Periods.or(this.type, Note.TYPE));
	}

}
