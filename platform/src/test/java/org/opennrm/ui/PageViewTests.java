package org.opennrm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Which request a page is rendered with: the container's own on a first dispatch, the wrapped one otherwise; and the
 * page's own variables in front of it.
 */
class PageViewTests {

    @Test
    void aPageOnTheFirstDispatchReadsTheContainersRequestUnderEveryWrapper() {
        var container = new MockHttpServletRequest("GET", "/cases/queue");
        var wrapped = new HttpServletRequestWrapper(new HttpServletRequestWrapper(container));
        wrapped.setAttribute("details", "set through the wrappers");

        var unwrapped = PageView.unwrapped(wrapped);

        assertThat(unwrapped).isSameAs(container);
        assertThat(unwrapped.getAttribute("details")).isEqualTo("set through the wrappers");
    }

    @Test
    void anErrorOrForwardDispatchKeepsItsWrappers() {
        var container = new MockHttpServletRequest("GET", "/error");
        container.setDispatcherType(DispatcherType.ERROR);
        var wrapped = new HttpServletRequestWrapper(container);

        assertThat(PageView.unwrapped(wrapped)).isSameAs(wrapped);

        container.setDispatcherType(DispatcherType.FORWARD);
        assertThat(PageView.unwrapped(wrapped)).isSameAs(wrapped);
    }

    @Test
    void thePagesVariablesStayWithThePageAndEverythingElseIsReadThrough() {
        var container = new MockHttpServletRequest("GET", "/cases/1");
        container.setAttribute("_csrf", "token");
        container.setAttribute("shadowed", "the container's");
        var page = new PageView.PageVariables(container);

        page.setAttribute("details", "the case");
        page.setAttribute("shadowed", "the page's");
        page.removeAttribute("_csrf");
        page.setAttribute("cleared", "x");
        page.setAttribute("cleared", null);

        assertThat(page.getAttribute("details")).isEqualTo("the case");
        assertThat(page.getAttribute("shadowed")).isEqualTo("the page's");
        // removed or set to null on the page: gone for the page, even where the container has it
        assertThat(page.getAttribute("_csrf")).isNull();
        assertThat(page.getAttribute("cleared")).isNull();
        assertThat(java.util.Collections.list(page.getAttributeNames()))
                .containsExactlyInAnyOrder("shadowed", "details");
        // the container's request is untouched, and what it gains later is read through
        assertThat(container.getAttribute("details")).isNull();
        assertThat(container.getAttribute("_csrf")).isEqualTo("token");
        assertThat(container.getAttribute("shadowed")).isEqualTo("the container's");
        container.setAttribute("later", "set by a filter");
        assertThat(page.getAttribute("later")).isEqualTo("set by a filter");
    }

    @Test
    void aRequestWithoutWrappersIsItself() {
        var container = new MockHttpServletRequest("GET", "/");

        assertThat(PageView.unwrapped(container)).isSameAs(container);
    }
}
