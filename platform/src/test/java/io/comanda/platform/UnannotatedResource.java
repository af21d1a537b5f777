package io.comanda.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** An endpoint nobody annotated with who may call it, as a new one would be when forgotten. */
@Path("/unannotated")
public class UnannotatedResource {

    @GET
    public String secret() {
        return "nobody decided who may read this";
    }
}
