package org.vigil.certification;

/**
 * A verification task that does not exist, or a change its state does not allow: recording an
 * outcome twice, changing a done task, recording one nobody was assigned. The message says which
 * in English and Chinese.
 */
public final class TaskException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the request was refused. */
    public enum Kind {
        NOT_FOUND, CONFLICT
    }

    private final Kind kind;

    public TaskException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static TaskException notFound(long id) {
        return new TaskException(Kind.NOT_FOUND, "no verification task " + id + " / 核实任务不存在");
    }
}
