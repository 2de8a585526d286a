package org.crmbackoffice.support.web;

import java.util.List;

import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves a service's pages at the addresses people type: {@code /dashboard/} shows the
 * page's {@code index.html} and {@code /dashboard} leads there. Spring Boot does so only
 * for the landing page at {@code /}, so without this a page's own address answered 404.
 */
public final class ReportPages implements WebMvcConfigurer {

	private final List<String> pages;

	/**
	 * @param pages the pages' folders under {@code static/}, e.g. {@code dashboard}
	 */
	public ReportPages(String... pages) {
		this.pages = List.of(pages);
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		for (String page : this.pages) {
			registry.addRedirectViewController("/" + page, "/" + page + "/");
			registry.addViewController("/" + page + "/").setViewName("forward:/" + page + "/index.html");
		}
	}

}
