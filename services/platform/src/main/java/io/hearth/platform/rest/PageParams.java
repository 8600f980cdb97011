package io.hearth.platform.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Cursor paging parameters shared by every list route ({@code @BeanParam}). */
public class PageParams {
    @QueryParam("after")
    @Parameter(description = "The nextCursor of the previous page; omit for the first page")
    public String after;

    @QueryParam("limit")
    @DefaultValue("50")
    @Min(1)
    @Max(200)
    @Parameter(description = "Items per page, 1 to 200")
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
