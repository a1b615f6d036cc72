package org.gongkai.portal.web;

import java.util.Arrays;

import org.gongkai.portal.api.ApiProblem;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A staff action behind a button: call the API, then tell the user on the page they return to what happened — the
 * success text, or the service's problem in Chinese. A lost session (401) and the services' own faults (5xx) are not
 * the user's to fix and go to the error pages instead.
 */
public final class FlashActions {

    private FlashActions() {
    }

    /** Runs the call and returns the redirect to {@code back}. */
    public static String thenRedirect(RedirectAttributes redirect, String back, String done, Runnable call) {
        attempt(redirect, done, call);
        return "redirect:" + back;
    }

    /** Runs the call; whether it succeeded. {@code alsoRethrown}: statuses the page treats as its own (e.g. 404). */
    public static boolean attempt(RedirectAttributes redirect, String done, Runnable call, int... alsoRethrown) {
        try {
            call.run();
            redirect.addFlashAttribute("done", done);
            return true;
        } catch (ApiProblem problem) {
            if (problem.status() == 401 || problem.status() >= 500 || Arrays.stream(alsoRethrown).anyMatch(s -> s == problem.status())) {
                throw problem;
            }
            redirect.addFlashAttribute("failed", FormErrors.message(problem));
            return false;
        }
    }
}
