package io.hearth.membership;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.hearth.testing.HearthTestResource;

/** What membership has stored about a community, read straight from its database, to show a refusal wrote nothing. */
final class Stored {
    private Stored() {
    }

    /** Events recorded for the community, published or not. */
    static long outboxEvents(String communityId) {
        return count("select count(*) from outbox_event where community_id = ?", communityId);
    }

    static long auditEntries(String communityId) {
        return count("select count(*) from audit_entry where community_id = cast(? as uuid)", communityId);
    }

    static long applications(String communityId) {
        return count("select count(*) from application where community_id = cast(? as uuid)", communityId);
    }

    private static long count(String sql, String communityId) {
        try (Connection db = HearthTestResource.openDatabase(); PreparedStatement st = db.prepareStatement(sql)) {
            st.setString(1, communityId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
