package org.crmbackoffice.support.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves a service's pages at the addresses people type: {@code /dashboard/} shows the
 * page's {@code index.html} and {@code /dashboard} leads there. Spring Boot does so only
 * for the landing page at {@code /}, so without this a page's own address answered 404.
 * <p>
 * A page that signs people in at an identity provider is served at an address without the
 * trailing slash instead ({@link #signingInAt}), the other address leading there: the
 * provider sends people back to the redirect URI registered for it, compared letter by
 * letter, and a redirect on the way would show them the code twice.
 */
public final class ReportPages implements WebMvcConfigurer {

	private final List<String> pages;

	private final List<String> signInPages;

	/**
	 * @param pages the pages' folders under {@code static/}, e.g. {@code dashboard}
	 */
	public ReportPages(String... pages) {
		this(List.of(pages), List.of());
	}

	private ReportPages(List<String> pages, List<String> signInPages) {
		this.pages = pages;
		this.signInPages = signInPages;
	}

	/**
	 * These pages and one more, served at {@code /<folder>} itself: its scripts and
	 * styles are named by absolute paths, since relative ones would resolve beside the
	 * folder.
	 * @param folder the page's folder under {@code static/}, e.g.
	 * {@code interaction/partner}
	 */
	public ReportPages signingInAt(String folder) {
		List<String> more = new ArrayList<>(this.signInPages);
		more.add(folder);
		return new ReportPages(this.pages, List.copyOf(more));
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		for (String page : this.pages) {
			registry.addRedirectViewController("/" + page, "/" + page + "/");
			registry.addViewController("/" + page + "/").setViewName("forward:/" + page + "/index.html");
		}
		for (String page : this.signInPages) {
			registry.addViewController("/" + page).setViewName("forward:/" + page + "/index.html");
			registry.addRedirectViewController("/" + page + "/", "/" + page).setKeepQueryParams(true);
		}
	}

}
