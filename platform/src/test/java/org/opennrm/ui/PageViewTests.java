package org.opennrm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which request a page is rendered with: the container's own on a first dispatch, the wrapped one otherwise. */
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
    void aRequestWithoutWrappersIsItself() {
        var container = new MockHttpServletRequest("GET", "/");

        assertThat(PageView.unwrapped(container)).isSameAs(container);
    }
}
