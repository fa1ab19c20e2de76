/* test-io.c
 *
 * Copyright 2026 The Keel authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keel-test"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "keel-io.h"
#include "keel-test-util.h"

/* The store's checked system calls, one by one: what they accept, what
 * they refuse, and the errors they give. */

static char *
make_tmp (void)
{
  return keel_test_make_tmpdir ();
}

static void
test_mkdir (void)
{
  g_autofree char *root = make_tmp ();
  g_autofree char *deep = g_build_filename (root, "a", "b", "c", NULL);
  g_autofree char *file = g_build_filename (root, "file", NULL);
  g_autofree char *link = g_build_filename (root, "link", NULL);
  g_autofree char *under_file = g_build_filename (file, "x", NULL);
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_true (keel_io_mkdir (deep, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (deep, &st), ==, 0);
  g_assert_cmphex (st.st_mode & 07777, ==, 0700);
  /* Already there */
  g_assert_true (keel_io_mkdir (deep, FALSE, &error));

  /* Not a folder; a link; under a file; a missing parent without parents */
  keel_test_write (file, "x");
  g_assert_false (keel_io_mkdir (file, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_clear_error (&error);

  g_assert_cmpint (symlink (deep, link), ==, 0);
  g_assert_false (keel_io_mkdir (link, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  g_clear_error (&error);

  g_assert_false (keel_io_mkdir (under_file, TRUE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  {
    g_autofree char *orphan = g_build_filename (root, "no", "such", NULL);

    g_assert_false (keel_io_mkdir (orphan, FALSE, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  keel_test_rm_rf (root);
}

static void
test_open (void)
{
  g_autofree char *root = make_tmp ();
  g_autofree char *file = g_build_filename (root, "file", NULL);
  g_autofree char *fifo = g_build_filename (root, "fifo", NULL);
  g_autofree char *link = g_build_filename (root, "link", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  struct stat st;
  int fd;

  keel_test_write (file, "0123456789");
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink (file, link), ==, 0);

  bytes = keel_io_read_file (file, TRUE, 100, &st, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 10);
  g_assert_cmpint (st.st_size, ==, 10);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Too large: the limit is in the message */
  g_assert_null (keel_io_read_file (file, TRUE, 5, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "5 bytes"));
  g_clear_error (&error);

  /* A FIFO, without blocking; a folder; nothing */
  g_assert_null (keel_io_read_file (fifo, FALSE, 100, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_assert_null (keel_io_read_file (root, FALSE, 100, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_assert_cmpint (keel_io_open_regular ("/nonexistent/x", FALSE, 100, NULL, &error), <, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A link: followed only when asked */
  bytes = keel_io_read_file (link, FALSE, 100, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_assert_null (keel_io_read_file (link, TRUE, 100, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Beneath a folder: only plain relative paths, no link on the way */
  fd = keel_io_open_beneath (root, "file", 100, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd, >=, 0);
  {
    g_autofree char *sha = keel_io_sha256_fd (fd, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sha, ==, "84d89877f0d4041efb6bf91a16f0248f2fd573e6af05c19f96bedb9f882f7882");
  }
  close (fd);

  {
    const char *bad[] = { "", "/etc/passwd", "../file", "a/../file", "./file", "a//file",
                          "link", "fifo", "missing", "file/x" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        fd = keel_io_open_beneath (root, bad[i], 100, NULL, &error);
        g_assert_cmpint (fd, <, 0);
        g_assert_nonnull (error);
        g_clear_error (&error);
      }
  }
  {
    g_autofree char *sub = g_build_filename (root, "sub", NULL);
    g_autofree char *sublink = g_build_filename (root, "sublink", NULL);
    g_autofree char *inner = g_build_filename (sub, "f", NULL);

    g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
    keel_test_write (inner, "x");
    g_assert_cmpint (symlink (sub, sublink), ==, 0);
    fd = keel_io_open_beneath (root, "sub/f", 100, NULL, &error);
    g_assert_no_error (error);
    close (fd);
    g_assert_cmpint (keel_io_open_beneath (root, "sublink/f", 100, NULL, &error), <, 0);
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_cmpint (keel_io_open_beneath ("/nonexistent", "f", 100, NULL, &error), <, 0);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  keel_test_rm_rf (root);
}

static void
test_write_and_rename (void)
{
  g_autofree char *root = make_tmp ();
  g_autofree char *target = g_build_filename (root, "target", NULL);
  g_autofree char *other = g_build_filename (root, "other", NULL);
  g_autofree char *temp = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  temp = keel_io_write_temp (target, "hello", 5, 0640, &error);
  g_assert_no_error (error);
  g_assert_true (keel_io_is_temp_name (strrchr (temp, '/') + 1, "target"));
  g_assert_cmpint (stat (temp, &st), ==, 0);
  g_assert_cmphex (st.st_mode & 07777, ==, 0640);

  /* Exchange needs both; rename then takes the place */
  g_assert_false (keel_io_exchange (temp, target, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (keel_io_rename (temp, target, &error));
  g_assert_no_error (error);
  text = keel_test_read (target, NULL);
  g_assert_cmpstr (text, ==, "hello");

  /* No replacing with rename_noreplace or link */
  keel_test_write (other, "other");
  g_assert_false (keel_io_rename_noreplace (other, target, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (keel_io_link (other, AT_FDCWD, target, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  /* Exchange swaps */
  g_assert_true (keel_io_exchange (other, target, &error));
  g_assert_no_error (error);
  g_free (text);
  text = keel_test_read (target, NULL);
  g_assert_cmpstr (text, ==, "other");

  /* Missing sources */
  g_assert_false (keel_io_rename ("/nonexistent/a", target, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (keel_io_unlink (AT_FDCWD, "/nonexistent/a", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (keel_io_write_temp ("/nonexistent/a", "x", 1, 0600, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (keel_io_rename_noreplace (other, target, &error) == FALSE);
  g_clear_error (&error);
  {
    g_autofree char *fresh = g_build_filename (root, "fresh", NULL);

    g_assert_true (keel_io_rename_noreplace (other, fresh, &error));
    g_assert_no_error (error);
  }
  keel_io_sync_folder (root);
  keel_io_sync_folder ("/nonexistent");

  /* Names */
  g_assert_true (keel_io_is_temp_name ("keel.json.Ab12Cd", "keel.json"));
  g_assert_false (keel_io_is_temp_name ("keel.json.Ab12C", "keel.json"));
  g_assert_false (keel_io_is_temp_name ("keel.json.Ab12C-", "keel.json"));
  g_assert_false (keel_io_is_temp_name ("keel.jsonXAb12Cd", "keel.json"));
  g_assert_false (keel_io_is_temp_name ("other.json.Ab12Cd", "keel.json"));
  g_assert_cmpstr (keel_io_op_name (KEEL_IO_LINK), ==, "link");

  keel_test_rm_rf (root);
}

int
main (int   argc,
      char *argv[])
{
  keel_test_init (&argc, &argv);

  g_test_add_func ("/keel/io/mkdir", test_mkdir);
  g_test_add_func ("/keel/io/open", test_open);
  g_test_add_func ("/keel/io/write-and-rename", test_write_and_rename);

  return g_test_run ();
}
