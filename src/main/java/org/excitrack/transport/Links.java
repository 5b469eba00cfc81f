package org.excitrack.transport;

import org.excitrack.model.PortInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The port-URI registry: opens any {@link PortUri} with the provider registered for its scheme. */
public final class Links {
    private Links() {
    }

    public static Link open(String uri) {
        return open(PortUri.parse(uri));
    }

    public static Link open(PortUri uri) {
        if (uri.scheme().equals("spy")) {
            return new SpyLink(open(uri.inner().orElseThrow()));
        }
        for (LinkProvider provider : ServiceLoader.load(LinkProvider.class)) {
            if (provider.scheme().equals(uri.scheme())) {
                return provider.open(uri);
            }
        }
        throw new PortUriException("no transport for scheme '" + uri.scheme() + ":' in " + uri
                + "; known schemes: " + String.join(", ", schemes()));
    }

    /** Every port any registered {@link PortLister} offers now, real and simulated, in lister order. */
    public static List<PortInfo> listPorts() {
        List<PortInfo> out = new ArrayList<>();
        for (PortLister lister : ServiceLoader.load(PortLister.class)) {
            out.addAll(lister.list());
        }
        return out;
    }

    public static List<String> schemes() {
        List<String> out = new ArrayList<>();
        for (LinkProvider provider : ServiceLoader.load(LinkProvider.class)) {
            out.add(provider.scheme() + ":");
        }
        out.add("spy:");
        return out;
    }
}
