package dev.currents.testapp.retrofit;

import java.util.Map;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.HeaderMap;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Url;

/** A Retrofit service as applications declare one, with the URL given per call. */
interface CurrentsService {

  @GET
  Call<ResponseBody> get(@Url String url, @HeaderMap Map<String, String> headers);

  @DELETE
  Call<ResponseBody> delete(@Url String url, @HeaderMap Map<String, String> headers);

  @POST
  Call<ResponseBody> post(@Url String url, @HeaderMap Map<String, String> headers, @Body RequestBody body);

  @PUT
  Call<ResponseBody> put(@Url String url, @HeaderMap Map<String, String> headers, @Body RequestBody body);
}
