package org.tuanwu.identity;

import java.util.Optional;

import org.tuanwu.shared.Problem;
import org.tuanwu.shared.Text;

/** The actor of the current web request or command-line run. */
public interface CurrentActor {

	Optional<Actor> find();

	default Actor get() {
		return find().orElseThrow(() -> new Problem(401, "auth.unauthenticated",
				Text.of("未登录或会话已过期，请重新登录", "Not signed in, or the session has expired: sign in again")));
	}

}
