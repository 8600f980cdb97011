package io.hearth.platform.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Cursor paging parameters shared by every list route ({@code @BeanParam}). */
public class PageParams {
    /** The most items one page holds: a client pages on rather than asking one response for a whole table. */
    public static final int MAX_LIMIT = 100;

    @QueryParam("after")
    @Parameter(description = "The nextCursor of the previous page; omit for the first page")
    public String after;

    @QueryParam("limit")
    @DefaultValue("50")
    @Min(1)
    @Max(MAX_LIMIT)
    @Parameter(description = "Items per page, 1 to 100 (default 50); more is refused with 400")
    public int limit = 50;

    /** The cursor as the sequence number it encodes, or 0 for the first page. */
    public long afterSeq() {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw Problems.invalidField("after", "is not a cursor this list returned");
        }
    }
}
